#include "mainmenu.h"

#include "mainwindow.h"

#include <QActionGroup>
#include <QApplication>
#include <QMenuBar>
#include <QSettings>

namespace mvdash {

MainMenu::MainMenu(QMenuBar *bar, const QList<QPair<Panel, QString>> &panels, QObject *parent)
    : QObject(parent)
    , bar_(bar) {
    QMenu *file = bar->addMenu(tr("&File"));
    file->addAction(tr("&Connect…"), QKeySequence::Open, this, &MainMenu::connectRequested)
        ->setStatusTip(tr("Open another database (the dashboard starts again on it)"));
    QAction *exportPayments =
        file->addAction(tr("&Export payments to CSV…"), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                        &MainMenu::exportRequested);
    exportPayments->setStatusTip(tr("Save the tenant's payments, as filtered, to a CSV file"));
    file->addSeparator();
    // Ctrl+Q and F5 spelled out: the platform's standard keys are empty (Quit on generic X11)
    // or Ctrl+R (Refresh on GNOME, which is Refresh selected here)
    QAction *quit = file->addAction(tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q), this,
                                    &MainMenu::quitRequested);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = bar->addMenu(tr("&View"));
    auto *panelGroup = new QActionGroup(this);
    int number = 0;
    for (const auto &[panel, name] : panels) {
        QAction *a = view->addAction(name);
        a->setCheckable(true);
        a->setActionGroup(panelGroup);
        if (++number <= 9)
            a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + number)));
        connect(a, &QAction::triggered, this,
                [this, panel = panel] { emit panelRequested(panel); });
        panelActions_.insert(panel, a);
    }
    view->addSeparator();
    view->addAction(tr("&Reload"), QKeySequence(Qt::Key_F5), this, &MainMenu::reloadRequested)
        ->setStatusTip(tr("Load every panel's data again now"));
    //: focuses the search or filter field of the panel in front
    view->addAction(tr("&Find…"), QKeySequence::Find, this, &MainMenu::findRequested);
    view->addAction(tr("&Messages…"), QKeySequence(Qt::CTRL | Qt::Key_M), this,
                    &MainMenu::messagesRequested);
    view->addSeparator();
    QMenu *language = view->addMenu(tr("&Language"));
    auto *languageGroup = new QActionGroup(this);
    const QString saved = QSettings().value(QStringLiteral("ui/language")).toString();
    // each language in its own name: someone who cannot read the current one finds theirs
    const QList<QPair<QString, QString>> languages = {
        {QString(), tr("System default")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("ru"), QStringLiteral("Русский")}};
    for (const auto &[code, name] : languages) {
        QAction *a = language->addAction(name);
        a->setCheckable(true);
        a->setChecked(code == saved);
        a->setActionGroup(languageGroup);
        connect(a, &QAction::triggered, this, [this, code = code] { emit languageChosen(code); });
    }

    QMenu *help = bar->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), QKeySequence(Qt::CTRL | Qt::Key_Slash), this,
                    &MainMenu::shortcutsRequested);
    help->addAction(tr("&Documentation"), QKeySequence::HelpContents, this,
                    &MainMenu::documentationRequested);
    help->addSeparator();
    help->addAction(tr("&About mvdash"), this, &MainMenu::aboutRequested)
        ->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)
        ->setMenuRole(QAction::AboutQtRole);
}

void MainMenu::setPanelVisible(Panel panel, bool visible) {
    if (QAction *a = panelActions_.value(panel))
        a->setVisible(visible);
}

void MainMenu::setCurrentPanel(Panel panel) {
    if (QAction *a = panelActions_.value(panel))
        a->setChecked(true);
}

QList<QAction *> MainMenu::shortcutActions() const {
    QList<QAction *> found;
    const std::function<void(const QList<QAction *> &)> walk = [&](const QList<QAction *> &list) {
        for (QAction *a : list) {
            if (a->menu())
                walk(a->menu()->actions());
            else if (!a->shortcut().isEmpty() && a->isVisible())
                found << a;
        }
    };
    walk(bar_->actions());
    return found;
}

} // namespace mvdash
