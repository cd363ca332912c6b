#include "userpanel.h"

#include "format.h"
#include "userlookup.h"
#include "widgets/tableview.h"
#include "widgets/theme.h"
#include "widgets/tiles.h"
#include "widgets/useridcompleter.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTabWidget>
#include <QVBoxLayout>
#include <tuple>

namespace mvdash {

UserPanel::UserPanel(UserLookup *lookup, QWidget *parent)
    : QWidget(parent)
    , lookup_(lookup)
    , search_(new QLineEdit(this))
    , title_(new QLabel(this))
    , freshness_(new QLabel(this))
    , tabs_(new QTabWidget(this)) {
    search_->setPlaceholderText(tr("User id (prefix search; Enter looks up)"));
    search_->setClearButtonEnabled(true);
    completer_ = new UserIdCompleter(lookup_, search_);
    connect(search_, &QLineEdit::returnPressed, this, [this] { lookUp(search_->text()); });
    connect(completer_, qOverload<const QString &>(&QCompleter::activated), this,
            &UserPanel::lookUp);
    connect(lookup_, &UserLookup::loaded, this, &UserPanel::show);
    connect(lookup_, &UserLookup::loadFailed, this, &UserPanel::showFailure);

    QFont big = title_->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title_->setFont(big);
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    freshness_->setWordWrap(true);
    auto *card = new QGridLayout;
    const QStringList labels = UserLookup::figureColumns().titles();
    for (int i = 0; i < labels.size(); ++i)
        figures_ << tileValue(card, i, labels[i]);

    // the object name (and the settings key of the column widths) stays the same in every
    // language: the English tab title, as it always was
    for (auto [model, name, key] :
         {std::tuple<QAbstractItemModel *, QString, QString>{
              lookup_->activeBets(), tr("Active bets"), QStringLiteral("Active bets")},
          {lookup_->recentBets(), tr("Recent bets"), QStringLiteral("Recent bets")},
          {lookup_->deposits(), tr("Deposits"), QStringLiteral("Deposits")},
          {lookup_->withdrawals(), tr("Withdrawals"), QStringLiteral("Withdrawals")}}) {
        auto *table = makeTableView(this, QStringLiteral("user-") + key);
        table->setModel(model);
        table->setSortingEnabled(false);
        connect(model, &QAbstractItemModel::modelReset, table, [table] { fitColumnsOnce(table); });
        tabs_->addTab(table, name);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(search_);
    layout->addWidget(title_);
    layout->addWidget(freshness_);
    layout->addLayout(card);
    layout->addWidget(tabs_, 1);
    title_->setText(tr("Look up a user of the selected tenant"));
}

void UserPanel::setTenant(qint64 tenantId) {
    if (tenantId == tenantId_)
        return;
    tenantId_ = tenantId;
    completer_->setTenant(tenantId);
    if (!lookup_->details().userId.isEmpty())
        lookUp(lookup_->details().userId);
}

void UserPanel::lookUp(const QString &userId) {
    if (userId.trimmed().isEmpty() || tenantId_ < 0)
        return;
    search_->setText(userId.trimmed());
    title_->setText(tr("Looking up %1…").arg(userId.trimmed()));
    lookup_->lookUp(tenantId_, userId);
}

QString UserPanel::headerText() const {
    return title_->text() + u'\n' + freshness_->text();
}

void UserPanel::showFailure(const QString &message) {
    const UserDetails &d = lookup_->details();
    freshness_->setStyleSheet(theme::textStyle(theme::bad()));
    freshness_->setToolTip(QString());
    if (d.found) { // the same user asked again: the last answer stays, said to be old
        title_->setText(d.userId);
        //: %1 is the server's error
        freshness_->setText(tr("Not updated: %1. The figures below are from the last lookup "
                               "that succeeded.")
                                .arg(message));
        return;
    }
    //: %1 is the user id
    title_->setText(tr("Looking up %1 failed").arg(d.userId));
    freshness_->setText(message);
    for (QLabel *f : figures_)
        f->setText(QStringLiteral("—"));
    tabs_->setTabText(0, tr("Active bets"));
}

void UserPanel::show() {
    const UserDetails &d = lookup_->details();
    if (!d.found) {
        title_->setText(tr("No user “%1” in this tenant").arg(d.userId));
        freshness_->setStyleSheet(QString());
        freshness_->setToolTip(QString());
        if (live_)
            freshness_->setText(tr("No committed event of this user in this tenant, checked to "
                                   "the last committed event."));
        else if (d.newerEvents > 0) { // new since the refresh: say so, not "check the id"
            freshness_->setStyleSheet(theme::textStyle(theme::warning()));
            freshness_->setText(
                tr("⚠ A new user: %n event(s) of this user arrived after the "
                   "views' refresh at %1 (%2 ago); they show after the next "
                   "refresh.",
                   nullptr, int(d.newerEvents))
                    .arg(formatTime(d.viewsRefreshedAt),
                         formatAge(d.viewsRefreshedAt.secsTo(QDateTime::currentDateTimeUtc()))));
        } else if (d.newerEvents == 0)
            freshness_->setText(tr("No event of this user has arrived since the views' refresh "
                                   "at %1 either: check the id.")
                                    .arg(formatTime(d.viewsRefreshedAt)));
        else // never refreshed, or not counted
            freshness_->setText(tr("The user may be new: their events appear after the next "
                                   "refresh of the views."));
        for (QLabel *f : figures_)
            f->setText(QStringLiteral("—"));
        tabs_->setTabText(0, tr("Active bets")); // not the last user's count over an empty list
        return;
    }
    title_->setText(d.userId);
    const ColumnList &figures = UserLookup::figureColumns();
    for (int i = 0; i < figures_.size(); ++i)
        figures_[i]->setText(figures.display(i, d.figures.value(i)).toString());
    tabs_->setTabText(
        0,
        d.moreActiveBets
            //: the tab of a user's active bets: the newest 200 of 1,234
            ? tr("Active bets (newest %L1 of %L2)").arg(d.activeBets.size()).arg(d.activeBetsTotal)
            : tr("Active bets (%L1)").arg(d.activeBets.size()));
    // one glance: a mark and a colour say whether anything of this user is missing
    freshness_->setToolTip(QString());
    if (d.exact) {
        // the figures fold in what the steps have not applied yet; the lists are the read
        // models' rows, so they lack it until the next step: amber when that is so
        freshness_->setStyleSheet(
            theme::textStyle(d.foldedEvents == 0 ? theme::good() : theme::warning()));
        freshness_->setText(
            d.foldedEvents == 0
                ? tr("✓ Exact to the last committed event, the lists below too (as of %1).")
                      .arg(formatTime(d.viewsRefreshedAt))
                : tr("Figures exact to the last committed event: they include %n event(s) of "
                     "this user not yet in the live read models. ⚠ The lists below may lack them "
                     "until the next step (as of %1).",
                     nullptr, int(d.foldedEvents))
                      .arg(formatTime(d.viewsRefreshedAt)));
    } else if (!d.viewsRefreshedAt.isValid()) {
        freshness_->setStyleSheet(theme::textStyle(theme::bad()));
        freshness_->setText(tr("The views have never been refreshed."));
    } else {
        const qint64 age = d.viewsRefreshedAt.secsTo(QDateTime::currentDateTimeUtc());
        freshness_->setStyleSheet(
            theme::textStyle(d.newerEvents == 0 ? theme::good() : theme::warning()));
        freshness_->setText(
            d.newerEvents == 0
                ? tr("✓ Up to date: no event of this user has arrived since the views' refresh "
                     "at %1 (%2 ago).")
                      .arg(formatTime(d.viewsRefreshedAt), formatAge(age))
                : tr("⚠ %n event(s) of this user arrived after the views' refresh at %1 (%2 "
                     "ago) and are not in these figures yet.",
                     nullptr, int(d.newerEvents))
                      .arg(formatTime(d.viewsRefreshedAt), formatAge(age)));
        freshness_->setToolTip(tr("Counted by arrival. Not counted: an event written by a "
                                  "transaction that was still open when the refresh began."));
    }
}

} // namespace mvdash
