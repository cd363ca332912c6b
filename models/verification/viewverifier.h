#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>

namespace mvdash {

class Replay;

// Recomputes every read model from the events with the independent C++ Replay and compares
// row by row with what the materialized views hold.
class ViewVerifier {
    Q_DECLARE_TR_FUNCTIONS(mvdash::ViewVerifier)

public:
    struct Result {
        QString view;
        qint64 expectedRows = 0;
        qint64 actualRows = 0;
        qint64 differenceCount = 0;
        QStringList differences; // the first `maxReported`, one line each
    };

    explicit ViewVerifier(QSqlDatabase db)
        : db_(std::move(db)) {}

    // Reads all events and tenants (streamed) into a replay.
    void loadEvents(Replay &replay) const;
    // Compares one view with the replay.
    Result compare(const Replay &replay, const QString &view, int maxReported = 20) const;
    // Both, for every view of the spec.
    QList<Result> verifyAll(int maxReported = 20) const;

private:
    QSqlDatabase db_;
};

} // namespace mvdash
