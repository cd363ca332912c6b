#pragma once

#include "connectionprofiles.h"

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace mvdash {

// Where to connect: saved profiles (host, port, database, user, sslmode, service) and, for
// this connection only, a password. Profiles never hold one: libpq reads ~/.pgpass, the
// service file or PGPASSWORD, and a password typed here lives in this process's memory.
class ConnectionDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConnectionDialog(QWidget *parent = nullptr);
    ConnectionProfile profile() const;
    // The profile's settings and the password typed, if any.
    ConnectionSettings settings() const;

private:
    void showProfile(const QString &name);
    QComboBox *profiles_;
    QLineEdit *host_, *port_, *dbname_, *user_, *password_, *service_;
    QComboBox *sslmode_;
};

} // namespace mvdash
