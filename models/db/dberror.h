#pragma once

#include <QSqlError>
#include <QString>
#include <stdexcept>

namespace mvdash {

// A database failure with the server's message and SQLSTATE, thrown by the models layer
// and caught where a person is told (CLI output, UI banner).
class DbError : public std::runtime_error {
public:
    DbError(const QString &message, const QString &sqlState = {})
        : std::runtime_error(message.toStdString())
        , message_(message)
        , sqlState_(sqlState) {}

    static DbError fromSqlError(const QString &context, const QSqlError &error);

    const QString &message() const { return message_; }
    const QString &sqlState() const { return sqlState_; }

private:
    QString message_;
    QString sqlState_;
};

} // namespace mvdash
