#pragma once

#include <QString>

namespace mvdash {

// The application's settings file (QSettings, INI on Linux) when it cannot be parsed — a
// crash mid-write, a bad hand edit: QSettings then reads nothing and refuses to write, so
// every later change would be lost silently. This moves the file aside (kept, byte for byte,
// as "<file>.corrupt-<UTC time>") so that the app starts from defaults and saves again.
// Call it before anything reads the settings: QSettings caches a parsed file per process,
// and only the first reader sees the format error. What happened is told by message(),
// asked for later, once the translations are installed (the language is itself a setting).
struct SettingsSetAside {
    QString path;   // the damaged file; empty when the file is fine or absent
    QString keptAs; // where it was moved; empty when it could not be moved
    // For the user and the log; empty when nothing happened.
    QString message() const;
};
SettingsSetAside setAsideCorruptSettings();

} // namespace mvdash
