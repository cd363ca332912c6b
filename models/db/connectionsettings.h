#pragma once

#include <optional>
#include <QMap>
#include <QString>

namespace mvdash {

// Where to connect, the libpq way: a DSN (key=value or postgresql:// URI) parsed by libpq
// itself; whatever it leaves out comes from PG* variables, the service file and .pgpass.
class ConnectionSettings {
public:
    // nullopt and a one-line reason when libpq cannot parse the DSN, or when it carries a
    // password (which would then sit in shell history, process lists and logs).
    static std::optional<ConnectionSettings> fromDsn(const QString &dsn, QString *error);

    // The key=value string QPSQL hands to PQconnectdb, values quoted for libpq.
    QString connectOptions() const;
    QString value(const QString &key) const { return params_.value(key); }
    void set(const QString &key, const QString &value) { params_.insert(key, value); }

    // A password typed in File > Connect…, for this process only: never in connectOptions()
    // (which is logged and passed on), never saved; handed to the driver as it opens.
    QString password() const { return password_; }
    void setPassword(const QString &password) { password_ = password; }

private:
    QMap<QString, QString> params_;
    QString password_;
};

// The version of the libpq this program runs with ("15.4"): Help > About.
QString libpqVersion();

} // namespace mvdash
