#pragma once

#include <QCompleter>

class QLineEdit;
class QStringListModel;

namespace mvdash {

class UserLookup;

// Completes a user id field by prefix from the tenant's user ids as one types (the answers
// come from UserLookup, on its worker): the User panel's search, the Payments panel's user
// filter (an exact id: a prefix typed there matched nothing).
class UserIdCompleter : public QCompleter {
    Q_OBJECT
public:
    UserIdCompleter(UserLookup *lookup, QLineEdit *field);
    // Another tenant: its ids only, the last tenant's forgotten.
    void setTenant(qint64 tenantId);

private:
    UserLookup *lookup_;
    QStringListModel *ids_;
    qint64 tenantId_ = -1;
};

} // namespace mvdash
