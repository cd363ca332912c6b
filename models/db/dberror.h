#pragma once

#include <QSqlError>
#include <QString>
#include <stdexcept>

namespace mvdash {

// A database failure with the server's message and SQLSTATE, thrown by the models layer
// and caught where a person is told (CLI output, UI banner). Our own messages are translated
// (message()); englishMessage() keeps their English for machine output (doctor --json, the
// refresh history) and what() for the log. The server's and the driver's messages come as
// they are: then both are the same.
class DbError : public std::runtime_error {
public:
    DbError(const QString &message, const QString &sqlState = {})
        : DbError(message, message, sqlState) {}
    DbError(const QString &english, const QString &translated, const QString &sqlState)
        : std::runtime_error(english.toStdString())
        , message_(translated)
        , english_(english)
        , sqlState_(sqlState) {}

    static DbError fromSqlError(const QString &context, const QSqlError &error);

    const QString &message() const { return message_; }
    const QString &englishMessage() const { return english_; }
    const QString &sqlState() const { return sqlState_; }
    // The server refused the login (classes 28 and 3D, or no CONNECT privilege): the same
    // attempt fails again until the password, the role, the database or pg_hba.conf change.
    // The server rejected the password that was sent (not: none was supplied).
    bool isPasswordRejected() const { return sqlState_ == QLatin1String("28P01"); }
    bool isLoginRefused() const {
        return sqlState_.startsWith(QLatin1String("28")) || sqlState_ == QLatin1String("3D000") ||
               sqlState_ == QLatin1String("42501");
    }

private:
    QString message_;
    QString english_;
    QString sqlState_;
};

} // namespace mvdash
