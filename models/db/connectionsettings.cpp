#include "connectionsettings.h"

#include <libpq-fe.h>
#include <QCoreApplication>

namespace mvdash {

std::optional<ConnectionSettings> ConnectionSettings::fromDsn(const QString &dsn, QString *error) {
    ConnectionSettings settings;
    if (dsn.trimmed().isEmpty())
        return settings;
    char *parseError = nullptr;
    PQconninfoOption *options = PQconninfoParse(dsn.toUtf8().constData(), &parseError);
    if (!options) {
        if (error)
            //: "malformed DSN: <libpq's message>"
            *error = QCoreApplication::translate("mvdash::ConnectionSettings", "malformed DSN: %1")
                         .arg(parseError ? QString::fromUtf8(parseError).trimmed()
                                         : QCoreApplication::translate("mvdash::ConnectionSettings",
                                                                       "out of memory"));
        PQfreemem(parseError);
        return std::nullopt;
    }
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        if (o->val)
            settings.params_.insert(QString::fromUtf8(o->keyword), QString::fromUtf8(o->val));
    }
    PQconninfoFree(options);
    if (settings.params_.contains(QStringLiteral("password"))) {
        if (error)
            //: keep ~/.pgpass and PGPASSWORD as they are
            *error = QCoreApplication::translate(
                "mvdash::ConnectionSettings",
                "the DSN carries a password; keep passwords in ~/.pgpass, a "
                "service file or PGPASSWORD, never on the command line");
        return std::nullopt;
    }
    for (const QString &value : std::as_const(settings.params_)) {
        // QPSQL turns ';' in its connect options into spaces, which would change the value
        if (value.contains(u';')) {
            if (error)
                *error = QCoreApplication::translate("mvdash::ConnectionSettings",
                                                     "malformed DSN: a value contains ';'");
            return std::nullopt;
        }
    }
    return settings;
}

QString ConnectionSettings::connectOptions() const {
    QStringList parts;
    for (auto it = params_.cbegin(); it != params_.cend(); ++it) {
        QString quoted = it.value();
        quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
        parts << QStringLiteral("%1='%2'").arg(it.key(), quoted);
    }
    return parts.join(u' ');
}

QString libpqVersion() {
    const int v = PQlibVersion(); // 150004 for 15.4 (10 and later: major * 10000 + minor)
    return QStringLiteral("%1.%2").arg(v / 10000).arg(v % 10000);
}

} // namespace mvdash
