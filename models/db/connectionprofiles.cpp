#include "connectionprofiles.h"

#include <QSettings>

namespace mvdash {

ConnectionSettings ConnectionProfile::settings() const {
    ConnectionSettings s;
    const std::pair<const char *, QString> fields[] = {{"host", host},       {"port", port},
                                                       {"dbname", dbname},   {"user", user},
                                                       {"sslmode", sslmode}, {"service", service}};
    for (const auto &[key, value] : fields)
        if (!value.trimmed().isEmpty())
            s.set(QString::fromLatin1(key), value.trimmed());
    return s;
}

QList<ConnectionProfile> ConnectionProfiles::load() {
    QSettings settings;
    settings.beginGroup(QStringLiteral("profiles"));
    QList<ConnectionProfile> list;
    for (const QString &name : settings.childGroups()) {
        settings.beginGroup(name);
        ConnectionProfile p;
        p.name = name;
        p.host = settings.value(QStringLiteral("host")).toString();
        p.port = settings.value(QStringLiteral("port")).toString();
        p.dbname = settings.value(QStringLiteral("dbname")).toString();
        p.user = settings.value(QStringLiteral("user")).toString();
        p.sslmode = settings.value(QStringLiteral("sslmode")).toString();
        p.service = settings.value(QStringLiteral("service")).toString();
        settings.endGroup();
        list << p;
    }
    return list;
}

void ConnectionProfiles::save(const ConnectionProfile &p) {
    QSettings settings;
    settings.beginGroup(QStringLiteral("profiles"));
    settings.remove(p.name);
    settings.beginGroup(p.name);
    settings.setValue(QStringLiteral("host"), p.host);
    settings.setValue(QStringLiteral("port"), p.port);
    settings.setValue(QStringLiteral("dbname"), p.dbname);
    settings.setValue(QStringLiteral("user"), p.user);
    settings.setValue(QStringLiteral("sslmode"), p.sslmode);
    settings.setValue(QStringLiteral("service"), p.service);
}

void ConnectionProfiles::remove(const QString &name) {
    QSettings settings;
    settings.beginGroup(QStringLiteral("profiles"));
    settings.remove(name);
}

QString ConnectionProfiles::lastUsed() {
    return QSettings().value(QStringLiteral("connection/lastProfile")).toString();
}

void ConnectionProfiles::setLastUsed(const QString &name) {
    QSettings().setValue(QStringLiteral("connection/lastProfile"), name);
}

} // namespace mvdash
