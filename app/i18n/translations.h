#pragma once
// The user interface language of both programs. The source texts are English; Russian (and
// the English plural forms) come from resources/translations/*.ts, compiled into the binaries.
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace mvdash {

// The languages mvdash speaks, as two-letter codes: "en", "ru".
QStringList availableLanguages();

// The value of --lang in the raw arguments ("--lang ru", "--lang=ru"), or an empty string.
// Read before the command-line parser exists: its help texts are translated.
QString requestedLanguage(const QStringList &arguments);

// The language to use: `requested` (--lang) when given, else `saved` (the dashboard's setting),
// else the first of the system's UI languages mvdash speaks, else English. An unknown requested
// language is returned as is: the caller reports it (isAvailableLanguage).
QString chooseLanguage(const QString &requested, const QString &saved);
bool isAvailableLanguage(const QString &language);

// Installs mvdash's catalog and Qt's own (qtbase: the parser's and dialogs' texts) for
// `language`, makes its locale the default one (numbers, money and dates follow it) and sets
// LANGUAGE for libpq's messages. Returns a problem with mvdash's own catalog (empty when all
// went well); Qt's catalogs are a separate package (qt6-translations-l10n), without which
// Qt's few own texts stay English.
QString installTranslations(QCoreApplication &app, const QString &language);

} // namespace mvdash
