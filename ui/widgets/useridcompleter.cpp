#include "useridcompleter.h"

#include "userlookup.h"

#include <QLineEdit>
#include <QStringListModel>

namespace mvdash {

UserIdCompleter::UserIdCompleter(UserLookup *lookup, QLineEdit *field)
    : QCompleter(field)
    , lookup_(lookup)
    , ids_(new QStringListModel(this)) {
    setModel(ids_);
    setCaseSensitivity(Qt::CaseSensitive); // ids are compared as they are stored
    field->setCompleter(this);
    connect(field, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (tenantId_ >= 0 && !text.trimmed().isEmpty())
            lookup_->complete(tenantId_, text.trimmed());
    });
    connect(lookup_, &UserLookup::completions, ids_, &QStringListModel::setStringList);
}

void UserIdCompleter::setTenant(qint64 tenantId) {
    if (tenantId == tenantId_)
        return;
    tenantId_ = tenantId;
    lookup_->forgetCompletions();
    ids_->setStringList({});
}

} // namespace mvdash
