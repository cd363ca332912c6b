#pragma once

// mvdash-admin follow: live steps one after another, for as long as it is told to run. Two
// followers on one database are safe (a step that finds another running is skipped, nothing
// is applied twice); a lost connection or a server restart is waited out and the follower
// reconnects; stop() (SIGTERM) ends it after the step in progress. A password the server
// rejected is not sent again: a directory service (LDAP, PAM) locks the account after a few
// failures, and a follower retrying every few seconds would get there within a minute.

#include "connectionsettings.h"
#include "dberror.h"

#include <atomic>
#include <functional>
#include <optional>
#include <QCoreApplication>
#include <QString>

namespace mvdash {

class Follower {
    Q_DECLARE_TR_FUNCTIONS(mvdash::Follower)

public:
    struct Options {
        int intervalMs = 2000;    // pause between steps
        int writerWaitMs = 10000; // how long a step waits for a writer still in its transaction
        int maxBackoffMs = 10000; // reconnecting: 0.5 s, doubling up to this
    };
    using Log = std::function<void(const QString &line)>;

    Follower(ConnectionSettings settings, Options options, Log log);

    // Runs until `stop` becomes true (returns nothing then) or until the server rejects the
    // password on a (re)connect: returns that error, once it has been logged.
    std::optional<DbError> run(const std::atomic_bool &stop);

private:
    void pause(int ms, const std::atomic_bool &stop) const;

    ConnectionSettings settings_;
    Options options_;
    Log log_;
};

} // namespace mvdash
