#pragma once

#include "events.h"

#include <QHash>
#include <QMap>
#include <QStringList>

namespace mvdash {

// An independent projection of the events into the five read models, written from the
// spec's words in C++ (no SQL), to check the views against. Rows are canonical text: exact
// decimals without trailing zeros, timestamps in epoch milliseconds, "NULL" for null.
class Replay {
public:
    // A row by column name (the names verify_<view>.sql gives them) -> canonical text.
    using Row = QHash<QString, QString>;
    using Rows = QMap<QString, Row>; // key "tenant_id|id" -> the row

    void add(const BetEvent &e);
    void add(const BalanceEvent &e);
    void add(const PaymentEvent &e);
    void add(const Tenant &t);

    // The expected rows of a read model (viewNames()). tenants_summary_view's last_refreshed_at
    // is not derivable from events: its column is "true" (present).
    Rows expected(const QString &view) const;
    static QStringList viewNames();
    // The columns that identify a row of `view` (the Rows key joins their values with '|').
    static QStringList keyColumns(const QString &view);

    static QString canonical(const OptDecimal &value);
    static QString canonical(const OptText &value);

private:
    struct Order { // "latest" = highest (event_timestamp, event_id)
        qint64 timestamp = std::numeric_limits<qint64>::min();
        qint64 eventId = std::numeric_limits<qint64>::min();
        bool operator<(const Order &o) const {
            return timestamp != o.timestamp ? timestamp < o.timestamp : eventId < o.eventId;
        }
    };
    template <typename T> struct LastNonNull {
        Order at;
        std::optional<T> value;
        void offer(const std::optional<T> &v, const Order &o) {
            if (v && (!value || at < o)) {
                value = v;
                at = o;
            }
        }
    };
    struct Bet {
        Order latest;
        QString status;
        LastNonNull<QString> userId, fixtureId, result;
        LastNonNull<Decimal> stake, odds, payout;
        qint64 maxTimestamp = std::numeric_limits<qint64>::min();
    };
    struct Balance {
        Decimal sum;
        qint64 count = 0;
        qint64 maxTimestamp = std::numeric_limits<qint64>::min();
    };
    struct Payment {
        Order latest;
        QString status;
        LastNonNull<QString> userId, currency, method, externalId, type;
        LastNonNull<Decimal> amount;
        qint64 maxTimestamp = std::numeric_limits<qint64>::min();
    };
    struct UserActivity {
        Decimal balance, wagered, winnings, deposited, withdrawn;
        qint64 bets = 0;
        qint64 lastActivity = std::numeric_limits<qint64>::min();
    };
    using Key = QPair<qint64, QString>;

    QHash<Key, UserActivity> activity() const;
    void touchUser(qint64 tenantId, const QString &userId, qint64 timestamp);

    QHash<Key, Bet> bets_;
    QHash<Key, Balance> balances_;
    QHash<Key, Payment> payments_;
    QHash<Key, qint64> userLastActivity_;
    QList<Tenant> tenants_;
};

} // namespace mvdash
