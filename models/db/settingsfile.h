#pragma once

#include <QString>

namespace mvdash {

// The application's settings file (QSettings, INI on Linux) when it cannot be parsed — a
// crash mid-write, a bad hand edit: QSettings then reads nothing and refuses to write, so
// every later change would be lost silently. This moves the file aside (kept, byte for byte,
// as "<file>.corrupt-<UTC time>") so that the app starts from defaults and saves again.
// Returns what happened, for the user and the log; empty when the file is fine or absent.
// Call it before anything reads the settings: QSettings caches a parsed file per process,
// and only the first reader sees the format error.
QString setAsideCorruptSettings();

} // namespace mvdash
