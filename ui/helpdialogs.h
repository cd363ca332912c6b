#pragma once

#include <QKeySequence>
#include <QList>
#include <QPair>
#include <QString>

class QWidget;

namespace mvdash {

struct SessionInfo;

// Help > Keyboard shortcuts: what each key does.
void showKeyboardShortcuts(QWidget *parent, const QList<QPair<QString, QKeySequence>> &keys);

// Help > About: the version, the versions of Qt, libpq and the server connected to (when
// known), and the licences.
void showAbout(QWidget *parent, const SessionInfo *session);

// Help > Documentation: the installed manual's home, else the project's page.
void openDocumentation();

} // namespace mvdash
