#include "mainwindow.h"

#include "betstatusmodel.h"
#include "connectiondialog.h"
#include "connectionsettings.h"
#include "dashboardmodels.h"
#include "doctormodel.h"
#include "format.h"
#include "helpdialogs.h"
#include "mainmenu.h"
#include "panels/diagnosticspanel.h"
#include "panels/paymentspanel.h"
#include "panels/playerspanel.h"
#include "panels/refreshpanel.h"
#include "panels/sizespanel.h"
#include "panels/summarypanel.h"
#include "panels/tenantspanel.h"
#include "panels/userpanel.h"
#include "paymentsmodel.h"
#include "playersmodel.h"
#include "qtfmt.h"
#include "refreshcontroller.h"
#include "refreshhealthmodel.h"
#include "roles.h"
#include "sessioninfomodel.h"
#include "tenantcopiesmodel.h"
#include "tenantfreshnessmodel.h"
#include "tenantsummarymodel.h"
#include "timeseriesmodel.h"
#include "userlookup.h"
#include "widgets/theme.h"

#include <limits>
#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

namespace mvdash {

MainWindow::MainWindow(DashboardModels *models, QWidget *parent)
    : QMainWindow(parent)
    , models_(models)
    , tenantPicker_(new QComboBox)
    , freshness_(new QLabel)
    , banner_(new QLabel)
    , navigation_(new QListWidget)
    , stack_(new QStackedWidget)
    , connectionLabel_(new QLabel)
    , serverLabel_(new QLabel)
    , reloadLabel_(new QLabel)
    , messagesButton_(new QToolButton)
    , messageLog_(new QPlainTextEdit)
    , autoReload_(new QTimer(this)) {
    setWindowTitle(QStringLiteral("mvdash")); // the application's name: not translated
    const QSettings prefs;

    // top: tenant picker with search, and how fresh the data is
    tenantPicker_->setModel(models_->tenants());
    tenantPicker_->setModelColumn(TenantSummaryModel::Name);
    tenantPicker_->setEditable(true);
    tenantPicker_->setInsertPolicy(QComboBox::NoInsert);
    tenantPicker_->completer()->setFilterMode(Qt::MatchContains);
    tenantPicker_->completer()->setCompletionMode(QCompleter::PopupCompletion);
    tenantPicker_->setMinimumWidth(260);
    tenantPicker_->lineEdit()->setPlaceholderText(tr("Search tenants…"));
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Tenant:")));
    top->addWidget(tenantPicker_);
    top->addStretch(1);
    top->addWidget(freshness_);

    banner_->setWordWrap(true);
    banner_->setVisible(false);
    banner_->setStyleSheet(theme::bannerStyle());
    banner_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    summaryPanel_ = new SummaryPanel(models_->tenants(), models_->betStatuses());
    auto *tenantsPanel = new TenantsPanel(models_->tenants());
    refreshPanel_ = new RefreshPanel(models_->health(), models_->refresher(), models_->durations());
    paymentsPanel_ =
        new PaymentsPanel(models_->payments(), models->exporter(), models_->userLookup());
    playersPanel_ = new PlayersPanel(models_->players());
    userPanel_ = new UserPanel(models_->userLookup());
    // the panels' names in the navigation list
    //: navigation: the tenant's key figures
    addPanel(Panel::Summary, tr("Summary"), summaryPanel_);
    addPanel(Panel::Players, tr("Players"), playersPanel_);
    addPanel(Panel::Payments, tr("Payments"), paymentsPanel_);
    //: navigation: one user of the tenant looked up
    addPanel(Panel::User, tr("User"), userPanel_);
    connect(playersPanel_, &PlayersPanel::userActivated, this, [this](const QString &user) {
        userPanel_->lookUp(user);
        showPanel(Panel::User);
    });
    auto *separator = new QListWidgetItem(navigation_);
    separator->setFlags(Qt::NoItemFlags);
    separator->setSizeHint(QSize(10, 12));
    opsItems_ << separator;
    addPanel(Panel::Tenants, tr("All tenants"), tenantsPanel);
    //: navigation: the panel that refreshes the views (noun)
    addPanel(Panel::Refresh, tr("Refresh"), refreshPanel_);
    //: navigation: the views' sizes on disk
    addPanel(Panel::Sizes, tr("Sizes"), new SizesPanel(models_->sizes(), models_->sizeTrend()));
    diagnosticsPanel_ =
        new DiagnosticsPanel(models_->doctor(), models_->tenantCopies(), models_->tenants());
    addPanel(Panel::Diagnostics, tr("Diagnostics"), diagnosticsPanel_);
    connect(diagnosticsPanel_, &DiagnosticsPanel::fixFinished, this,
            [this](const QString &message, bool failed) { report(message, failed); });
    for (int i = navigation_->row(separator) + 1; i < navigation_->count(); ++i)
        opsItems_ << navigation_->item(i);
    navigation_->setFixedWidth(150);
    navigation_->setSpacing(3);
    QFont navFont = navigation_->font();
    navFont.setPointSizeF(navFont.pointSizeF() * 1.15);
    navigation_->setFont(navFont);
    connect(navigation_, &QListWidget::currentRowChanged, this, [this](int row) {
        const QVariant panel = row >= 0 ? navigation_->item(row)->data(Qt::UserRole) : QVariant();
        if (panel.isValid()) {
            const Panel shown = Panel(panel.toInt());
            stack_->setCurrentWidget(panelWidgets_.value(shown));
            if (menu_)
                menu_->setCurrentPanel(shown);
            // the panels of every tenant take no tenant: the picker says so rather than
            // seeming to filter them (Diagnostics uses it, for the per-tenant copies)
            const bool everyTenant =
                shown == Panel::Tenants || shown == Panel::Refresh || shown == Panel::Sizes;
            tenantPicker_->setEnabled(!everyTenant);
            tenantPicker_->setToolTip(everyTenant ? tr("This panel shows every tenant.")
                                                  : QString());
        }
        if (panel == QVariant(int(Panel::Diagnostics)))
            models_->reloadDiagnostics();
    });
    connect(tenantsPanel, &TenantsPanel::tenantActivated, this, [this](qint64 id) {
        selectTenant(id);
        showPanel(Panel::Summary);
    });

    auto *right = new QVBoxLayout;
    right->addWidget(banner_);
    right->addWidget(stack_, 1);
    auto *body = new QHBoxLayout;
    body->addWidget(navigation_);
    body->addLayout(right, 1);
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->addLayout(top);
    layout->addLayout(body, 1);
    setCentralWidget(central);

    // status bar: connection, server, last reload, messages
    messagesButton_->setAutoRaise(true);
    messagesButton_->setText(tr("%n message(s)", nullptr, 0));
    statusBar()->addWidget(connectionLabel_);
    statusBar()->addWidget(serverLabel_, 1);
    statusBar()->addPermanentWidget(reloadLabel_);
    statusBar()->addPermanentWidget(messagesButton_);
    auto *logDialog = new QDialog(this);
    //: the window listing the errors and notes of this session
    logDialog->setWindowTitle(tr("Messages"));
    logDialog->resize(720, 360);
    messageLog_->setReadOnly(true);
    (new QVBoxLayout(logDialog))->addWidget(messageLog_);
    connect(messagesButton_, &QToolButton::clicked, logDialog, &QDialog::show);

    // the models ask for the session info themselves after every (re)connect
    connect(models->reader(), &JobRunner::connectionChanged, this,
            [this](bool connected, const QString &detail, int loginRetrySeconds) {
                const bool wasConnected = connected_;
                connected_ = connected;
                everConnected_ = everConnected_ || connected;
                // a socket directory is long and says little: psql's "[local]" in the label
                // and the title, the path in the tooltip
                static const QRegularExpression socketDirectory(QStringLiteral("@/[^:]*:"));
                connectedTo_ =
                    QString(detail).replace(socketDirectory, QStringLiteral("@[local]:"));
                connectionLabel_->setToolTip(detail);
                showConnectionState();
                if (connected) {
                    // which database this window shows, also in the task bar (two windows:
                    // production and staging side by side)
                    setWindowTitle(QStringLiteral("mvdash — %1").arg(connectedTo_));
                    lastOfflineReason_.clear();
                    if (!wasConnected && banner_->isVisible())
                        noteReconnected();
                } else if (detail != lastOfflineReason_) {
                    // said once per reason, not once per failed retry
                    lastOfflineReason_ = detail;
                    report(offlineMessage(detail, loginRetrySeconds), true);
                }
                autoReload_->setInterval(connected ? reloadIntervalMs() : 5000);
            });
    // the session info decides what the window offers and whether mvdash is there at all
    watched_ << [this] { return models_->sessionInfo()->isLoading(); };
    // what each source is, for "Loading %1 failed: %2"
    watch(models_->tenants(), tr("tenants"));
    watch(models_->health(), tr("refresh health"));
    watch(models_->sizes(), tr("view sizes"));
    watch(models_->payments(), tr("payments"));
    watch(models_->players(), tr("top players"));
    watch(models_->betStatuses(), tr("bets by status"));
    watch(models_->durations(), tr("refresh history"));
    watch(models_->sizeTrend(), tr("size trend"));
    watch(models_->userLookup(), tr("the user"), false);
    watch(models_->doctor(), tr("the diagnostics"), false);
    watch(models_->tenantCopies(), tr("the per-tenant copies"), false);
    connect(paymentsPanel_, &PaymentsPanel::exportFinished, this,
            [this](qint64 rows, const QString &path) {
                report(tr("Exported %Ln payment(s) to %1", nullptr,
                          int(std::min<qint64>(rows, std::numeric_limits<int>::max())))
                           .arg(path),
                       false);
            });
    connect(paymentsPanel_, &PaymentsPanel::exportFailed, this,
            [this](const QString &message) { report(tr("Export failed: %1").arg(message), true); });
    connect(paymentsPanel_, &PaymentsPanel::exportRefused, this,
            [this](const QString &why) { statusBar()->showMessage(why, 10000); });
    connect(paymentsPanel_, &PaymentsPanel::exportCancelled, this,
            [this] { report(tr("Export cancelled; no file was written."), false); });
    connect(models_->tenants(), &QAbstractItemModel::modelReset, this, [this] {
        if (!tenantChosen_ && models_->tenants()->rowCount() > 0) {
            tenantChosen_ = true;
            // the busiest tenant first: the one people look at most
            int best = 0;
            for (int r = 1; r < models_->tenants()->rowCount(); ++r)
                if (models_->tenants()
                        ->index(r, TenantSummaryModel::Bets)
                        .data(SortRole)
                        .toLongLong() > models_->tenants()
                                            ->index(best, TenantSummaryModel::Bets)
                                            .data(SortRole)
                                            .toLongLong())
                    best = r;
            const qint64 saved = QSettings().value(QStringLiteral("ui/tenant"), -1).toLongLong();
            tenantPicker_->setCurrentIndex(
                models_->tenants()->rowOf(saved) >= 0 ? models_->tenants()->rowOf(saved) : best);
        } else if (currentTenant_ >= 0) {
            // a reset (tenants added or removed) keeps the tenant the user was looking at; the
            // row may be the same, then no currentIndexChanged: put the name back here
            tenantPicker_->setCurrentIndex(models_->tenants()->rowOf(currentTenant_));
            showTenantName(tenantPicker_->currentIndex());
        }
        updateFreshness();
    });
    connect(models_->tenants(), &QAbstractItemModel::dataChanged, this,
            &MainWindow::updateFreshness);
    connect(tenantPicker_, &QComboBox::currentIndexChanged, this, [this](int row) {
        if (row < 0)
            return;
        const qint64 id = models_->tenants()->index(row, 0).data(KeyRole).toLongLong();
        currentTenant_ = id;
        showTenantName(row);
        summaryPanel_->setTenant(id);
        paymentsPanel_->setTenant(id);
        playersPanel_->setTenant(id);
        userPanel_->setTenant(id);
        diagnosticsPanel_->setTenant(id);
        if (tenantChosen_) // not the combo's own pick of row 0 while the first rows arrive
            QSettings().setValue(QStringLiteral("ui/tenant"), id);
        updateFreshness();
    });

    buildMenu(logDialog);
    connect(autoReload_, &QTimer::timeout, this, &MainWindow::reloadAll);
    autoReload_->start(reloadIntervalMs());
    auto *ageTicker = new QTimer(this);
    connect(ageTicker, &QTimer::timeout, this, &MainWindow::updateFreshness);
    ageTicker->start(1000);

    restoreGeometry(prefs.value(QStringLiteral("ui/geometry")).toByteArray());
    if (!prefs.contains(QStringLiteral("ui/geometry")))
        resize(1360, 860);
    navigation_->setCurrentRow(0);
    // the keys move between panels first; the tenant field is one Ctrl+F away (Find)
    navigation_->setFocus();
    connect(models_->sessionInfo(), &SessionInfoModel::changed, this, &MainWindow::showSessionInfo);
    connect(models_->sessionInfo(), &SessionInfoModel::failed, this,
            [this](const QString &message) {
                //: %1 is the server's error; without the role the ops panels stay hidden
                report(tr("Reading the session's role failed: %1").arg(message), true);
            });
    connect(models_->tenantFreshness(), &TenantFreshnessModel::changed, this,
            &MainWindow::updateFreshness);
    connect(models_->tenantFreshness(), &TenantFreshnessModel::failed, this,
            [this](const QString &message) {
                //: %1 is the server's error; the badge then shows no lag until an answer
                report(tr("Reading how far behind the read models are failed: %1").arg(message),
                       true);
            });
    reloadAll();
}

MainWindow::~MainWindow() = default;

QList<QPair<QString, QKeySequence>> MainWindow::keyboardShortcuts() const {
    QList<QPair<QString, QKeySequence>> keys;
    for (QAction *a : menu_->shortcutActions())
        keys.append({a->text(), a->shortcut()});
    // the panels' own buttons (Refresh selected: Ctrl+R) and the tables' copy
    for (QAbstractButton *b : findChildren<QAbstractButton *>())
        if (!b->shortcut().isEmpty())
            keys.append({b->text(), b->shortcut()});
    keys.append({tr("Copy the selected cells (tab-separated, exact values)"),
                 QKeySequence(QKeySequence::Copy)});
    return keys;
}

void MainWindow::buildMenu(QDialog *messages) {
    QList<QPair<Panel, QString>> named;
    for (Panel panel : panels())
        named.append({panel, panelName(panel)});
    menu_ = new MainMenu(menuBar(), named, this);
    menu_->setCurrentPanel(named.first().first);
    connect(menu_, &MainMenu::connectRequested, this, [this] {
        ConnectionDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted)
            emit connectionChosen(dialog.settings());
    });
    connect(menu_, &MainMenu::exportRequested, this, [this] {
        showPanel(Panel::Payments);
        paymentsPanel_->exportCsv();
    });
    connect(menu_, &MainMenu::quitRequested, this, &QWidget::close);
    connect(menu_, &MainMenu::panelRequested, this, &MainWindow::showPanel);
    connect(menu_, &MainMenu::reloadRequested, this, &MainWindow::reloadAll);
    // the search or filter field of the panel in front (the tenant search otherwise)
    connect(menu_, &MainMenu::findRequested, this, [this] {
        const auto edits = stack_->currentWidget()->findChildren<QLineEdit *>();
        QLineEdit *target = edits.isEmpty() ? tenantPicker_->lineEdit() : edits.first();
        target->setFocus(Qt::ShortcutFocusReason);
        target->selectAll();
    });
    connect(menu_, &MainMenu::messagesRequested, messages, &QDialog::show);
    connect(menu_, &MainMenu::languageChosen, this, [this](const QString &language) {
        QSettings().setValue(QStringLiteral("ui/language"), language);
        // the widgets set their texts once: a restart is the honest way to switch
        statusBar()->showMessage(tr("The language changes when mvdash starts again."), 10000);
    });
    connect(menu_, &MainMenu::shortcutsRequested, this,
            [this] { showKeyboardShortcuts(this, keyboardShortcuts()); });
    connect(menu_, &MainMenu::documentationRequested, this, &openDocumentation);
    connect(menu_, &MainMenu::aboutRequested, this, [this] {
        showAbout(this,
                  models_->sessionInfo()->isKnown() ? &models_->sessionInfo()->info() : nullptr);
    });
}

void MainWindow::addPanel(Panel id, const QString &name, QWidget *panel) {
    auto *item = new QListWidgetItem(name, navigation_);
    item->setData(Qt::UserRole, int(id));
    stack_->addWidget(panel);
    panelWidgets_.insert(id, panel);
}

QList<Panel> MainWindow::panels() const {
    QList<Panel> offered;
    for (int i = 0; i < navigation_->count(); ++i) {
        const QListWidgetItem *item = navigation_->item(i);
        if (item->data(Qt::UserRole).isValid() && !item->isHidden())
            offered << Panel(item->data(Qt::UserRole).toInt());
    }
    return offered;
}

QString MainWindow::panelName(Panel panel) const {
    for (int i = 0; i < navigation_->count(); ++i) {
        const QListWidgetItem *item = navigation_->item(i);
        if (item->data(Qt::UserRole) == QVariant(int(panel)))
            return item->text();
    }
    return QString();
}

void MainWindow::showPanel(Panel panel) {
    for (int i = 0; i < navigation_->count(); ++i) {
        const QListWidgetItem *item = navigation_->item(i);
        if (item->data(Qt::UserRole) == QVariant(int(panel)) && !item->isHidden())
            navigation_->setCurrentRow(i);
    }
}

bool MainWindow::isLoading() const {
    return std::any_of(watched_.cbegin(), watched_.cend(),
                       [](const std::function<bool()> &loading) { return loading(); });
}

QString MainWindow::bannerText() const {
    return banner_->isVisible() ? banner_->text() : QString();
}

QWidget *MainWindow::currentPanel() const {
    return stack_->currentWidget();
}

QString MainWindow::topPlayer() const {
    return models_->players()->value(0, TopPlayersModel::User).toString();
}

void MainWindow::selectTenant(qint64 tenantId) {
    const int row = models_->tenants()->rowOf(tenantId);
    if (row >= 0)
        tenantPicker_->setCurrentIndex(row);
}

void MainWindow::showTenantName(int row) {
    // after QComboBox has finished its own reset handling, which clears an editable text
    QTimer::singleShot(0, this, [this, row] {
        if (row >= 0 && row < models_->tenants()->rowCount())
            tenantPicker_->setEditText(
                models_->tenants()->index(row, TenantSummaryModel::Name).data().toString());
    });
}

void MainWindow::reloadAll() {
    // a database without mvdash may be migrated while the window is open: asked again at
    // each reload, the window then shows it without a reconnect
    if (schemaMissing_ && !models_->sessionInfo()->isLoading())
        models_->sessionInfo()->reload();
    models_->reloadTenantData();
    reloadTenantFreshness();
    reloadOps();
}

// A tenant administrator has no health rows (ops'): its own lag comes from tenant_scope.
void MainWindow::reloadTenantFreshness() {
    if (roleKnown_ && tenantScoped_ && !models_->tenantFreshness()->isLoading())
        models_->tenantFreshness()->reload();
}

void MainWindow::reloadOps() {
    if (!roleKnown_ || tenantScoped_)
        return;
    models_->reloadOps();
    if (stack_->currentWidget() == diagnosticsPanel_)
        models_->reloadDiagnostics();
}

void MainWindow::setTenantScoped(bool scoped) {
    const bool first = !roleKnown_;
    roleKnown_ = true;
    if (!first && scoped == tenantScoped_)
        return;
    tenantScoped_ = scoped;
    for (QListWidgetItem *item : opsItems_) {
        item->setHidden(scoped);
        if (item->data(Qt::UserRole).isValid())
            menu_->setPanelVisible(Panel(item->data(Qt::UserRole).toInt()), !scoped);
    }
    if (scoped && opsItems_.contains(navigation_->currentItem()))
        navigation_->setCurrentRow(0);
    if (scoped)
        reloadTenantFreshness();
    else
        reloadOps();
}

// MainWindow::tr, not tr: in a template lupdate would take the template parameter (Source)
// for the context
template <class Source>
void MainWindow::watch(Source *source, const QString &what, bool reloadedByTimer) {
    watched_ << [source] { return source->isLoading(); };
    connect(source, &Source::loaded, this, [this, what] {
        failing_.remove(what);
        reloadLabel_->setText(MainWindow::tr("reloaded %1")
                                  .arg(QLocale().toString(QTime::currentTime(), clockFormat())));
        // the error stays up while any source that failed has not loaded since
        if (connected_ && banner_->isVisible() && !isLoading() && !reconnectNoteShown_ &&
            failing_.isEmpty())
            banner_->setVisible(false);
    });
    connect(source, &Source::loadFailed, this,
            [this, what, reloadedByTimer](const QString &message, bool lost) {
                if (lost)
                    return;          // said once, by the connection's own message
                if (reloadedByTimer) // (the others say it in their panel, until asked again)
                    failing_.insert(what);
                //: %1 is what was loading ("tenants", "the user", ...), %2 the server's error
                report(MainWindow::tr("Loading %1 failed: %2").arg(what, message),
                       !readsNothing_ && !schemaMissing_); // (then the banner keeps saying
                                                           // why, the log has each)
            });
}

void MainWindow::showConnectionState() {
    //: %1 says where (host, database)
    QString text = tr("● connected: %1").arg(connectedTo_);
    QColor colour = theme::good();
    if (!connected_) {
        text = tr("● offline");
        colour = theme::bad();
    } else if (schemaMissing_) {
        //: %1 says where (host, database): connected, but mvdash is not installed there
        text = tr("● connected, no mvdash schema: %1").arg(connectedTo_);
        colour = theme::warning();
    } else if (readsNothing_) {
        //: %1 says where (host, database): connected, but the role may read none of mvdash
        text = tr("● connected, no access to mvdash: %1").arg(connectedTo_);
        colour = theme::warning();
    }
    connectionLabel_->setText(text);
    connectionLabel_->setStyleSheet(theme::textStyle(colour));
}

QString MainWindow::offlineMessage(const QString &detail, int loginRetrySeconds) const {
    if (loginRetrySeconds < 0)
        //: %1 is the server's refusal
        return tr("The server rejected the password: %1 — not sent again (a few failed logins "
                  "may lock the account): File > Connect… to enter it")
            .arg(detail);
    if (loginRetrySeconds > 0)
        //: %1 is the server's refusal
        return tr("The server refused the login: %1 — check the user, the password (File > "
                  "Connect… or ~/.pgpass) and the database; trying again every minute")
            .arg(detail);
    return everConnected_ ? tr("Connection lost: %1 — retrying every 5 s").arg(detail)
                          //: the first connection of this window failed (%1: why)
                          : tr("Not connected yet: %1 — retrying every 5 s").arg(detail);
}

void MainWindow::noteReconnected() {
    // say that it happened, then let it go: the data is live again
    const QString note = tr("Connection lost, then reconnected at %1.")
                             .arg(QLocale().toString(QTime::currentTime(), QLocale::LongFormat));
    report(note, false);
    banner_->setText(note);
    reconnectNoteShown_ = true;
    QTimer::singleShot(10000, banner_, [this] {
        reconnectNoteShown_ = false;
        if (connected_)
            banner_->setVisible(false);
    });
}

void MainWindow::report(const QString &message, bool isError) {
    const QString line =
        QStringLiteral("%1  %2").arg(QDateTime::currentDateTime().toString(Qt::ISODate), message);
    messageLog_->appendPlainText(line);
    messagesButton_->setText(tr("%n message(s)", nullptr, ++messageCount_));
    if (isError) {
        spdlog::error("{}", message);
        banner_->setText(message);
        banner_->setVisible(true);
    } else {
        spdlog::info("{}", message);
    }
}

int MainWindow::reloadIntervalMs() const {
    const bool live =
        tenantScoped_ ? models_->tenantFreshness()->live() : models_->health()->live();
    const int byDefault = live ? 5 : 30;
    // a word in the file means the default; a number is kept between a second and a day
    bool isNumber = false;
    const int seconds =
        QSettings().value(QStringLiteral("reload/intervalSeconds")).toInt(&isNumber);
    return std::clamp(isNumber ? seconds : byDefault, 1, 86400) * 1000;
}

void MainWindow::updateFreshness() {
    const qint64 id =
        tenantPicker_->currentIndex() >= 0
            ? models_->tenants()->index(tenantPicker_->currentIndex(), 0).data(KeyRole).toLongLong()
            : -1;
    const QDateTime refreshedAt =
        models_->tenants()->valueOf(id, TenantSummaryModel::DataAsOf).toDateTime();
    if (models_->tenants()->rowOf(id) < 0) {
        freshness_->setText(tr("no data yet"));
        return;
    }
    const qint64 age = std::max<qint64>(0, refreshedAt.secsTo(QDateTime::currentDateTimeUtc()));
    // live mode: the read models follow the events; how many committed ones they lack (a
    // tenant administrator: of its own tenants, without the platform's step)
    const auto live =
        std::find_if(models_->health()->rows().cbegin(), models_->health()->rows().cend(),
                     [](const ViewStatus &s) { return s.live; });
    const bool opsLive = live != models_->health()->rows().cend();
    const bool tenantLive = tenantScoped_ && models_->tenantFreshness()->live();
    // the worst of this tenant's data and of every read model ops can see (a late bets_view
    // must not hide behind a fresh summary); a tenant administrator sees no health rows. Live
    // read models are judged by how long committed events have waited, not by the age of the
    // data: on a quiet platform that is old with nothing behind.
    Freshness freshness = tenantLive
                              ? models_->health()->freshnessOfLag(
                                    models_->tenantFreshness()->freshness()->lagSeconds.toDouble(),
                                    models_->tenantFreshness()->freshness()->stepIntervalSeconds)
                          : opsLive ? Freshness::Fresh
                                    : models_->health()->freshnessOfAge(age);
    for (const ViewStatus &s : models_->health()->rows())
        if (!s.copyOfTenant || *s.copyOfTenant == id) // (another tenant's copy: not this data)
            freshness = std::max(freshness, models_->health()->freshness(s));
    // rows that could not be read again for longer than the stale limit say nothing of now
    // (the reads fail: the banner says why)
    if (opsLive && models_->health()->lastLoaded().secsTo(QDateTime::currentDateTime()) >
                       models_->health()->thresholds().live.staleSeconds)
        freshness = Freshness::Stale;
    const QString colour = theme::forFreshness(freshness).name();
    const QString state = describeFreshness(freshness);
    QString lag;
    if (tenantLive) {
        const TenantFreshness &f = *models_->tenantFreshness()->freshness();
        const QString seconds = QLocale().toString(f.lagSeconds.toDouble(), 'f', 1);
        if (!f.lagEvents) {
            //: appended to "Data as of ..." for a tenant administrator: the steps are so far
            //: behind that its events were not counted; %1 for how long ("95.0")
            lag = tr(" · live, behind (%1 s)").arg(seconds);
        } else if (*f.lagEvents == 0) {
            //: appended to "Data as of ..." for a tenant administrator: the live read models
            //: lack none of its tenant's events
            lag = tr(" · live, no event behind");
        } else {
            //: appended to "Data as of ..." for a tenant administrator: the live read models
            //: lack this many of its tenant's events, %1 for how long ("0.8")
            lag = tr(" · live, %n event(s) behind (%1 s)", nullptr, int(*f.lagEvents)).arg(seconds);
        }
    } else if (opsLive) {
        const qint64 events = live->lagEvents.value_or(0);
        const double stepMs = live->lastDurationMs.toDouble();
        //: the last step's duration in the badge: "5.2 ms", "225 ms"
        const QString step = tr("%1 ms").arg(QLocale().toString(stepMs, 'f', stepMs < 10 ? 1 : 0));
        lag = events == 0
                  //: appended to "Data as of ...": the live read models lack nothing; %1 the
                  //: duration of the last step ("5.2 ms")
                  ? tr(" · live, no event behind, last step %1").arg(step)
                  //: appended to "Data as of ...": the live read models lack this many events,
                  //: %1 for how long ("0.8"), %2 the duration of the last step ("5.2 ms")
                  : tr(" · live, %n event(s) behind (%1 s), last step %2", nullptr, int(events))
                        .arg(QLocale().toString(live->lagSeconds.toDouble(), 'f', 1), step);
    }
    userPanel_->setLiveMode(tenantLive || opsLive);
    // live read models move by themselves: reload more often than views refreshed by schedule
    if (connected_ && autoReload_->interval() != reloadIntervalMs())
        autoReload_->setInterval(reloadIntervalMs());
    freshness_->setText(
        //: the header's badge: %1 a time, %2 an age ("3 min"), %5 the live lag or nothing, %3 a
        //: colour (keep), %4 the freshness ("fresh", "late", "stale")
        tr("Data as of %1 (%2 ago)%5 <span style='color:%3'>● %4</span>")
            .arg(QLocale().toString(refreshedAt.toLocalTime(),
                                    // the time with its zone; the date too when it is not today's
                                    refreshedAt.toLocalTime().date() == QDate::currentDate()
                                        ? QLocale().timeFormat(QLocale::LongFormat)
                                        : QLocale().dateFormat(QLocale::ShortFormat) + u' ' +
                                              QLocale().timeFormat(QLocale::LongFormat)),
                 formatAge(age), colour, state, lag));
    QStringList behind;
    for (const ViewStatus &s : models_->health()->rows())
        if (models_->health()->freshness(s) != Freshness::Fresh)
            behind << QStringLiteral("%1: %2").arg(
                s.view, !s.ageSeconds ? tr("never refreshed")
                        : s.live
                            //: the badge's tooltip, a live read model: how long committed
                            //: events have waited for a step ("35.3")
                            ? tr("events waiting %1 s")
                                  .arg(QLocale().toString(s.lagSeconds.toDouble(), 'f', 1))
                            : formatAge(*s.ageSeconds));
    QString tip = behind.isEmpty() ? tr("Every view is within its refresh interval.")
                                   //: %1 is one "view: age" per line
                                   : tr("Behind schedule:\n%1").arg(behind.join(u'\n'));
    // steps every few minutes (the CronJob alone): why a lag of minutes is still fresh
    const std::optional<double> stepInterval =
        tenantLive ? models_->tenantFreshness()->freshness()->stepIntervalSeconds
        : opsLive  ? live->stepIntervalSeconds
                   : std::nullopt;
    const LiveLagLimits fixed = models_->health()->thresholds().live;
    const LiveLagLimits limits = fixed.forStepInterval(stepInterval);
    if (stepInterval && limits.lateSeconds > fixed.lateSeconds)
        //: the badge's tooltip in live mode when steps come every few minutes: %1 how often
        //: ("5 min"), %2 and %3 the stretched limits ("7 min", "15 min")
        tip += u'\n' + tr("The read models are brought up about every %1: late past %2 of "
                          "waiting, stale past %3.")
                           .arg(formatAge(qint64(std::llround(*stepInterval))),
                                formatAge(qint64(std::llround(limits.lateSeconds))),
                                formatAge(qint64(std::llround(limits.staleSeconds))));
    if (tenantScoped_ && models_->tenantFreshness()->freshness() &&
        !models_->tenantFreshness()->freshness()->told)
        //: the badge's tooltip for a tenant administrator on a database not yet migrated
        tip += u'\n' + tr("The database does not tell how far behind its read models are: it "
                          "lacks migration 035 (an operator runs mvdash-admin migrate).");
    freshness_->setToolTip(tip);
}

// A condition of the session said once, as it turns on, not at each answer while it holds.
void MainWindow::reportOnTurningOn(bool now, bool &before, const QString &message) {
    if (now && !before)
        report(message, true);
    before = now;
}

void MainWindow::showSessionInfo(const SessionInfo &info) {
    // the version's number in the bar ("15.20"), the packager's words in the tooltip: the
    // role and TLS, which matter more, stay in view in every language
    const QString version = info.serverVersion.section(u' ', 0, 0);
    serverLabel_->setToolTip(QStringLiteral("PostgreSQL %1").arg(info.serverVersion));
    serverLabel_->setText(
        //: status bar: %1 server version, %2 Citus or not, %3 the database role, %4 TLS or not
        tr("PostgreSQL %1 · %2 · role %3 · %4")
            .arg(
                version,
                info.citusVersion.isEmpty() ? tr("no Citus")
                                            : tr("Citus %1").arg(info.citusVersion),
                info.tenantScoped ? tr("%1 (tenant administrator)").arg(info.role) : info.role,
                (info.ssl ? tr("TLS (sslmode=%1)") : tr("no TLS (sslmode=%1)")).arg(info.sslmode)));
    setTenantScoped(info.tenantScoped);
    //: keep the role names and the command as they are
    reportOnTurningOn(info.readsNothing, readsNothing_,
                      tr("Role %1 may read none of mvdash's views: ask the database's owner for "
                         "mvdash_reader (ops, support), mvdash_operator (to refresh too) or a "
                         "tenant's grant (`mvdash-admin grant-tenant`), then File > Connect…")
                          .arg(info.role));
    //: %1 the database's name; keep the command as it is
    reportOnTurningOn(info.schemaMissing, schemaMissing_,
                      tr("Database %1 has no mvdash schema: the wrong database (File > "
                         "Connect…), or one not migrated yet (its owner runs mvdash-admin "
                         "migrate; this window looks again at each reload)")
                          .arg(info.database));
    showConnectionState();
    QString whyNoRefresh;
    if (info.schemaMissing)
        whyNoRefresh = tr("Nothing to refresh: this database has no mvdash schema.");
    else if (!info.canRefresh)
        whyNoRefresh =
            tr("Role %1 may not refresh views (it needs mvdash_operator).").arg(info.role);
    refreshPanel_->setCanRefresh(info.canRefresh, whyNoRefresh);
}

void MainWindow::closeEvent(QCloseEvent *event) {
    QSettings().setValue(QStringLiteral("ui/geometry"), saveGeometry());
    // what runs long is stopped, so that the workers end at once (File > Connect: the new
    // window must not wait on this one's export)
    models_->refresher()->cancel();
    paymentsPanel_->cancelExport();
    event->accept();
}

} // namespace mvdash
