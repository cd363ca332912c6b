#include "helpdialogs.h"

#include "connectionsettings.h"
#include "sessioninfomodel.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMessageBox>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace mvdash {

namespace {
// the texts' context for the translators
struct HelpDialogs {
    Q_DECLARE_TR_FUNCTIONS(HelpDialogs)
};
const char *const kHomePage = "https://github.com/mvdash/mvdash";
} // namespace

void showKeyboardShortcuts(QWidget *parent, const QList<QPair<QString, QKeySequence>> &keys) {
    QDialog dialog(parent);
    dialog.setWindowTitle(HelpDialogs::tr("Keyboard shortcuts"));
    auto *table = new QTableWidget(int(keys.size()), 2, &dialog);
    table->setHorizontalHeaderLabels({HelpDialogs::tr("Action"), HelpDialogs::tr("Shortcut")});
    for (int row = 0; row < keys.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(QString(keys[row].first).remove(u'&')));
        table->setItem(row, 1,
                       new QTableWidgetItem(keys[row].second.toString(QKeySequence::NativeText)));
    }
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->resizeColumnToContents(1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog.resize(460, 420);
    dialog.exec();
}

void showAbout(QWidget *parent, const SessionInfo *session) {
    const QString server =
        session && !session->serverVersion.isEmpty()
            ? HelpDialogs::tr("PostgreSQL %1 on the server").arg(session->serverVersion) +
                  (session->citusVersion.isEmpty()
                       ? QString()
                       : QStringLiteral(", Citus %1").arg(session->citusVersion))
            : HelpDialogs::tr("not connected");
    QMessageBox::about(
        parent, HelpDialogs::tr("About mvdash"),
        //: %1 version, %2 Qt version, %3 libpq version, %4 the server (or "not connected")
        HelpDialogs::tr(
            "<h3>mvdash %1</h3>"
            "<p>The dashboard of an event-sourced betting platform's materialized views: tenant "
            "KPIs, top players and payments; refresh health, sizes and diagnostics; one user's "
            "balance and bets, and how fresh they are.</p>"
            "<p>Qt %2 · libpq %3 · %4</p>"
            "<p>mvdash is free software under the MIT licence. It uses Qt (LGPL 3), libpq "
            "(PostgreSQL licence), spdlog and fmt (MIT).</p>"
            "<p><a href=\"%5\">%5</a></p>")
            .arg(QApplication::applicationVersion().toHtmlEscaped(),
                 QString::fromLatin1(qVersion()), libpqVersion(), server.toHtmlEscaped(),
                 QString::fromLatin1(kHomePage)));
}

void openDocumentation() {
    QDesktopServices::openUrl(QUrl(QString::fromLatin1(kHomePage) + QStringLiteral("#readme")));
}

} // namespace mvdash
