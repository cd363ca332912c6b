#include "settingsfile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QSettings>

namespace mvdash {

SettingsSetAside setAsideCorruptSettings() {
    SettingsSetAside result;
    {
        const QSettings settings;
        if (settings.status() != QSettings::FormatError)
            return result;
        result.path = settings.fileName();
    }
    const QString kept =
        result.path + QStringLiteral(".corrupt-") +
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    if (QFile::rename(result.path, kept))
        result.keptAs = kept;
    return result;
}

QString SettingsSetAside::message() const {
    if (path.isEmpty())
        return {};
    if (keptAs.isEmpty())
        return QCoreApplication::translate(
                   "mvdash::SettingsFile",
                   "The settings file %1 cannot be read and cannot be moved aside; "
                   "settings will not be saved until it is fixed or removed.")
            .arg(path);
    return QCoreApplication::translate("mvdash::SettingsFile",
                                       "The settings file %1 could not be read; it was kept as "
                                       "%2 and mvdash starts from default settings.")
        .arg(path, keptAs);
}

} // namespace mvdash
