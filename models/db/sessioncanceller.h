#pragma once

#include <map>
#include <mutex>
#include <QSqlDatabase>

struct pg_cancel;
struct pg_conn;

namespace mvdash {

// Cancels the running statement of every session registered with it, from any thread.
// QPSQL has no cancel of its own; libpq's PQcancel opens a connection to the server, so it
// is sent from a short-lived thread and the caller (the GUI) never waits on it. A refresh
// that runs on several sessions registers each of them, so one Cancel stops them all.
class SessionCanceller {
public:
    SessionCanceller() = default;
    ~SessionCanceller();
    SessionCanceller(const SessionCanceller &) = delete;
    SessionCanceller &operator=(const SessionCanceller &) = delete;

    // False when cancel() came first: the session must not start its work.
    bool add(const QSqlDatabase &db);
    // Before the session closes (its cancel key would point at a finished backend).
    void remove(const QSqlDatabase &db);
    void cancel();
    bool isCancelled() const;

private:
    mutable std::mutex mutex_;
    std::map<pg_conn *, pg_cancel *> handles_;
    bool cancelled_ = false;
};

// Registers a session for the lifetime of a scope (no-op without a canceller).
class CancelScope {
public:
    CancelScope(SessionCanceller *canceller, const QSqlDatabase &db);
    ~CancelScope();
    CancelScope(const CancelScope &) = delete;
    CancelScope &operator=(const CancelScope &) = delete;
    // False when the run was cancelled before the session was registered.
    bool active() const { return active_; }

private:
    SessionCanceller *canceller_;
    QSqlDatabase db_;
    bool active_ = true;
};

} // namespace mvdash
