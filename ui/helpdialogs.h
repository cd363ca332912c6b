#pragma once

#include <QList>

class QAction;
class QWidget;

namespace mvdash {

struct SessionInfo;

// Help > Keyboard shortcuts: every action with a shortcut, as the menus show them.
void showKeyboardShortcuts(QWidget *parent, const QList<QAction *> &actions);

// Help > About: the version, the versions of Qt, libpq and the server connected to (when
// known), and the licences.
void showAbout(QWidget *parent, const SessionInfo *session);

// Help > Documentation: the installed manual's home, else the project's page.
void openDocumentation();

} // namespace mvdash
