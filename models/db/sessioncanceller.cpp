#include "sessioncanceller.h"

#include "database.h"

#include <libpq-fe.h>
#include <thread>
#include <vector>

namespace mvdash {

SessionCanceller::~SessionCanceller() {
    for (auto &[conn, handle] : handles_)
        PQfreeCancel(handle);
}

bool SessionCanceller::add(const QSqlDatabase &db) {
    pg_conn *conn = nativeHandle(db);
    std::lock_guard lock(mutex_);
    if (cancelled_)
        return false;
    if (conn && !handles_.count(conn))
        handles_[conn] = PQgetCancel(conn);
    return true;
}

void SessionCanceller::remove(const QSqlDatabase &db) {
    pg_conn *conn = nativeHandle(db);
    std::lock_guard lock(mutex_);
    if (auto it = handles_.find(conn); it != handles_.end()) {
        PQfreeCancel(it->second);
        handles_.erase(it);
    }
}

void SessionCanceller::cancel() {
    std::vector<pg_cancel *> taken;
    {
        std::lock_guard lock(mutex_);
        cancelled_ = true;
        for (auto &[conn, handle] : handles_)
            taken.push_back(handle);
        handles_.clear();
    }
    if (taken.empty())
        return;
    std::thread([taken] {
        for (pg_cancel *handle : taken) {
            char error[256];
            PQcancel(handle, error, sizeof error);
            PQfreeCancel(handle);
        }
    }).detach();
}

bool SessionCanceller::isCancelled() const {
    std::lock_guard lock(mutex_);
    return cancelled_;
}

CancelScope::CancelScope(SessionCanceller *canceller, const QSqlDatabase &db)
    : canceller_(canceller)
    , db_(db) {
    if (canceller_)
        active_ = canceller_->add(db_);
}

CancelScope::~CancelScope() {
    if (canceller_)
        canceller_->remove(db_);
}

} // namespace mvdash
