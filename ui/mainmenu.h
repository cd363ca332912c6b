#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

class QAction;
class QActionGroup;
class QMenuBar;

namespace mvdash {

enum class Panel;

// The window's menu bar, the way desktop applications have one:
//   File  Connect…, Export payments…, Quit
//   View  the panels (Ctrl+1…), Reload, Find, Messages, Language
//   Help  Keyboard shortcuts, Documentation, About mvdash, About Qt
// It only says what was chosen; the window acts on it. Every shortcut of the window is an
// action here, so the menus show them and the shortcut list is made from them.
class MainMenu : public QObject {
    Q_OBJECT
public:
    // `panels`: the navigation's panels and their names, in order
    MainMenu(QMenuBar *bar, const QList<QPair<Panel, QString>> &panels, QObject *parent = nullptr);

    void setPanelVisible(Panel panel, bool visible);
    void setCurrentPanel(Panel panel);
    // Every action with a shortcut, in menu order (the Keyboard shortcuts dialog).
    QList<QAction *> shortcutActions() const;

signals:
    void connectRequested();
    void exportRequested();
    void quitRequested();
    void panelRequested(Panel panel);
    void reloadRequested();
    void findRequested();
    void messagesRequested();
    void languageChosen(const QString &language); // "" = the system's
    void shortcutsRequested();
    void documentationRequested();
    void aboutRequested();

private:
    QMenuBar *bar_;
    QHash<Panel, QAction *> panelActions_;
};

} // namespace mvdash
