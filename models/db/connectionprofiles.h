#pragma once

#include "connectionsettings.h"

#include <QList>
#include <QString>

namespace mvdash {

// A saved way to connect. Deliberately without a password: libpq finds it in ~/.pgpass,
// a service file or PGPASSWORD, so mvdash never writes one to disk.
struct ConnectionProfile {
    QString name;
    QString host, port, dbname, user, sslmode, service;
    ConnectionSettings settings() const;
    bool operator==(const ConnectionProfile &) const = default;
};

// Profiles in QSettings ("profiles/<name>/..."); a malformed entry is skipped, not fatal.
class ConnectionProfiles {
public:
    static QList<ConnectionProfile> load();
    static void save(const ConnectionProfile &profile);
    static void remove(const QString &name);
    static QString lastUsed();
    static void setLastUsed(const QString &name);
};

} // namespace mvdash
