#pragma once

#include "connectionprofiles.h"

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace mvdash {

// Where to connect: saved profiles (host, port, database, user, sslmode, service). There is
// no password field on purpose: libpq reads ~/.pgpass, the service file or PGPASSWORD.
class ConnectionDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConnectionDialog(QWidget *parent = nullptr);
    ConnectionProfile profile() const;

private:
    void showProfile(const QString &name);
    QComboBox *profiles_;
    QLineEdit *host_, *port_, *dbname_, *user_, *service_;
    QComboBox *sslmode_;
};

} // namespace mvdash
