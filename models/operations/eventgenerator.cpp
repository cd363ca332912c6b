#include "eventgenerator.h"

#include <array>
#include <cmath>
#include <limits>
#include <random>
#include <variant>
#include <vector>

namespace mvdash {

namespace {

constexpr qint64 kSpanMs = 90LL * 24 * 3600 * 1000;

const std::array kBrands{"Acme",   "Nordic", "Lucky",   "Atlas",  "Summit",  "Harbor", "Velvet",
                         "Falcon", "Orbit",  "Pioneer", "Quartz", "Redline", "Sierra", "Tundra"};
const std::array kKinds{"Sports", "Bet", "Play", "Odds", "Wager", "Games"};
const std::array kCurrencies{"EUR", "USD", "GBP", "BRL"};
const std::array kMethods{"card", "bank_transfer", "e_wallet", "crypto"};

// One tenant's story teller: its own random stream, clock and event id counters, so that
// the data set does not depend on the order tenants are generated in.
class TenantStories {
public:
    TenantStories(qint64 tenantId, qint64 budget, const EventGenerator::Options &options,
                  const EventGenerator::Sinks &sinks, const EventGenerator::NextEventId &nextId)
        : tenantId_(tenantId)
        , budget_(budget)
        , rng_(options.seed * 1000003ULL + quint64(tenantId))
        , sinks_(sinks)
        , storiesEndAt_(options.storiesEndAtMs)
        , endRng_(~(options.seed * 1000003ULL + quint64(tenantId)))
        , users_(std::max<qint64>(5, budget / 30))
        , nextBet_(nextId(tenantId, "bet_events"))
        , nextBalance_(nextId(tenantId, "balance_events"))
        , nextPayment_(nextId(tenantId, "payment_events"))
        , clock_(options.startsAtMs + uniform(0, 3600000))
        , gap_(std::max<qint64>(1, kSpanMs / std::max<qint64>(1, budget / 4))) {}

    qint64 run() {
        while (produced_ < budget_) {
            const int kind = int(uniform(0, 99));
            if (kind < 68)
                bet();
            else if (kind < 90)
                payment();
            else
                balanceOnly();
            tellStory();
            clock_ += uniform(0, 2 * gap_);
        }
        return produced_;
    }

private:
    qint64 uniform(qint64 lo, qint64 hi) {
        return std::uniform_int_distribution<qint64>(lo, hi)(rng_);
    }
    bool chance(int percent) { return uniform(0, 9999) < percent * 100; }
    bool chancePermille(int permille) { return uniform(0, 9999) < permille * 10; }

    // whales first: low user numbers are picked far more often
    QString user() {
        const double u = std::uniform_real_distribution<double>(0, 1)(rng_);
        return userName(qint64(double(users_) * u * u * u));
    }
    QString userName(qint64 n) const { return QStringLiteral("u%1").arg(n, 6, 10, QChar(u'0')); }
    QString freshUser() { return userName(users_ + (extraUsers_++)); }

    // delay between two events of one story: usually seconds to minutes, sometimes the same
    // millisecond (equal timestamps), sometimes earlier (arrived out of timestamp order)
    qint64 delay(qint64 typical) {
        if (chance(3))
            return 0;
        if (chance(2))
            return -uniform(1, 5000);
        return uniform(1000, typical);
    }

    void emitBalance(const QString &userId, qint64 cents, const char *reason, const OptText &ref,
                     qint64 ts) {
        BalanceEvent e;
        e.tenantId = tenantId_;
        e.eventId = nextBalance_++;
        e.userId = userId;
        e.amount = Decimal::fromScaled(cents, 2);
        e.reason = QString::fromLatin1(reason);
        e.referenceId = ref;
        e.timestamp = ts;
        story_.emplace_back(std::move(e));
    }

    BetEvent betEvent(const QString &betId, const QString &userId, const char *type, qint64 ts) {
        BetEvent e;
        e.tenantId = tenantId_;
        e.eventId = nextBet_++;
        e.betId = betId;
        e.userId = userId;
        e.eventType = QString::fromLatin1(type);
        e.timestamp = ts;
        return e;
    }
    void emitBet(BetEvent e) { story_.emplace_back(std::move(e)); }

    void bet() {
        const QString userId = user();
        const QString betId = QStringLiteral("b%1").arg(nextBet_);
        qint64 stakeCents = uniform(100, 5000) * (chance(10) ? 10 : 1);
        qint64 odds = uniform(11000, 80000); // 1.1000 .. 8.0000
        qint64 t = clock_;
        BetEvent placed = betEvent(betId, userId, "placed", t);
        placed.stake = Decimal::fromScaled(stakeCents, 2);
        placed.odds = Decimal::fromScaled(odds, 4);
        placed.fixtureId = QStringLiteral("fx%1").arg(uniform(1, 2000));
        emitBet(placed);
        emitBalance(userId, -stakeCents, "bet_stake", betId, t);
        if (chance(1)) { // amended: a second placed event, the last non-null values change
            t += delay(60000);
            BetEvent amended = betEvent(betId, userId, "placed", t);
            stakeCents += 100;
            odds = uniform(11000, 80000);
            amended.stake = Decimal::fromScaled(stakeCents, 2);
            amended.odds = Decimal::fromScaled(odds, 4);
            emitBet(amended);
            emitBalance(userId, -100, "bet_stake", betId, t);
        }
        if (chance(85)) {
            t += delay(120000);
            emitBet(betEvent(betId, userId, "confirmed", t));
        }
        const int outcome = int(uniform(0, 99));
        if (outcome < 70) {
            t += std::abs(delay(7200000));
            bool win = chance(45);
            settle(betId, userId, stakeCents, odds, win, t);
            if (chance(3)) { // re-settled with the other result
                t += delay(3600000);
                win = !win;
                settle(betId, userId, stakeCents, odds, win, t);
                if (!win)
                    emitBalance(userId, -payout(stakeCents, odds), "adjustment", betId, t);
            }
        } else if (outcome < 80) {
            t += delay(600000);
            emitBet(betEvent(betId, userId, outcome < 76 ? "cancelled" : "voided", t));
            emitBalance(userId, stakeCents, "bet_refund", betId, t);
        }
        // the rest stays placed or confirmed: active bets
    }

    static qint64 payout(qint64 stakeCents, qint64 odds) {
        return (stakeCents * odds + 5000) / 10000;
    }

    void settle(const QString &betId, const QString &userId, qint64 stakeCents, qint64 odds,
                bool win, qint64 t) {
        BetEvent settled = betEvent(betId, userId, "settled", t);
        settled.result = QString::fromLatin1(win ? "win" : "loss");
        settled.payout = Decimal::fromScaled(win ? payout(stakeCents, odds) : 0, 2);
        emitBet(settled);
        if (win)
            emitBalance(userId, payout(stakeCents, odds), "bet_payout", betId, t);
    }

    PaymentEvent paymentEvent(const QString &paymentId, const QString &userId, const char *type,
                              qint64 ts) {
        PaymentEvent e;
        e.tenantId = tenantId_;
        e.eventId = nextPayment_++;
        e.paymentId = paymentId;
        e.userId = userId;
        e.eventType = QString::fromLatin1(type);
        e.timestamp = ts;
        return e;
    }
    void emitPayment(PaymentEvent e) { story_.emplace_back(std::move(e)); }

    // Hands one story's events to the sinks in the order they were made (their event ids'
    // order); in a stream, moved in time so that the story ends now.
    void tellStory() {
        qint64 shift = 0;
        if (storiesEndAt_ != 0) {
            qint64 last = std::numeric_limits<qint64>::min();
            for (const Event &e : story_)
                last = std::max(last, std::visit([](const auto &v) { return v.timestamp; }, e));
            shift = storiesEndAt_ - std::uniform_int_distribution<qint64>(0, 999)(endRng_) - last;
        }
        for (Event &e : story_) {
            std::visit([shift](auto &v) { v.timestamp += shift; }, e);
            if (const auto *bet = std::get_if<BetEvent>(&e))
                sinks_.bet(*bet);
            else if (const auto *balance = std::get_if<BalanceEvent>(&e))
                sinks_.balance(*balance);
            else
                sinks_.payment(std::get<PaymentEvent>(e));
        }
        produced_ += qint64(story_.size());
        story_.clear();
    }

    void payment() {
        const QString userId = chance(5) ? freshUser() : user();
        const QString paymentId = QStringLiteral("p%1").arg(nextPayment_);
        const bool deposit = chance(70);
        const qint64 cents = uniform(1000, 200000);
        qint64 t = clock_;
        PaymentEvent created = paymentEvent(paymentId, userId, "created", t);
        created.amount = Decimal::fromScaled(cents, 2);
        created.currency = QString::fromLatin1(kCurrencies[uniform(0, kCurrencies.size() - 1)]);
        created.paymentMethod = QString::fromLatin1(kMethods[uniform(0, kMethods.size() - 1)]);
        created.paymentType = QString::fromLatin1(deposit ? "deposit" : "withdrawal");
        emitPayment(created);
        const QString externalId =
            QStringLiteral("ext-%1-%2").arg(tenantId_).arg(uniform(1, 1LL << 40));
        if (chance(80)) {
            t += delay(30000);
            PaymentEvent pending = paymentEvent(paymentId, userId, "pending", t);
            pending.externalId = externalId;
            emitPayment(pending);
        }
        const int outcome = int(uniform(0, 99));
        if (outcome < 92) {
            t += std::abs(delay(600000));
            const char *type = outcome < 72 ? "completed" : (outcome < 84 ? "failed" : "cancelled");
            PaymentEvent last = paymentEvent(paymentId, userId, type, t);
            if (chance(50))
                last.externalId = externalId;
            if (chance(30))
                last.amount = Decimal::fromScaled(cents, 2);
            emitPayment(last);
            if (outcome < 72)
                emitBalance(userId, deposit ? cents : -cents, deposit ? "deposit" : "withdrawal",
                            paymentId, t);
        }
    }

    void balanceOnly() {
        const QString userId = chance(15) ? freshUser() : user();
        if (chance(70))
            emitBalance(userId, uniform(500, 5000), "bonus", std::nullopt, clock_);
        else
            emitBalance(userId, uniform(-2000, 2000), "adjustment", std::nullopt, clock_);
    }

    qint64 tenantId_;
    qint64 budget_;
    std::mt19937_64 rng_;
    const EventGenerator::Sinks &sinks_;
    qint64 storiesEndAt_;
    // where in the last second a streamed story ends: a stream of its own, so that a stream
    // tells the same stories as the history of the same seed
    std::mt19937_64 endRng_;
    using Event = std::variant<BetEvent, BalanceEvent, PaymentEvent>;
    std::vector<Event> story_; // the story being told, until tellStory()
    qint64 users_;
    qint64 extraUsers_ = 0;
    qint64 nextBet_, nextBalance_, nextPayment_;
    qint64 clock_;
    qint64 gap_;
    qint64 produced_ = 0;
};

} // namespace

EventGenerator::EventGenerator(Options options)
    : options_(options) {}

QList<Tenant> EventGenerator::tenants() const {
    QList<Tenant> list;
    const int count = options_.tenants + options_.emptyTenants;
    for (int i = 0; i < count; ++i) {
        Tenant t;
        t.tenantId = options_.firstTenantId + i;
        const char *brand = kBrands[size_t(i) % kBrands.size()];
        const char *kind = kKinds[size_t(i / int(kBrands.size()) + i) % kKinds.size()];
        t.name = QStringLiteral("%1 %2").arg(QString::fromLatin1(brand), QString::fromLatin1(kind));
        if (i >= int(kBrands.size()))
            t.name += QStringLiteral(" %1").arg(i / int(kBrands.size()) + 1);
        t.slug = t.name.toLower().replace(u' ', u'-');
        t.status =
            QString::fromLatin1(i % 11 == 7 ? "suspended" : (i % 13 == 12 ? "closed" : "active"));
        t.plan = QString::fromLatin1(i < 3 ? "enterprise" : (i % 3 == 0 ? "free" : "pro"));
        list << t;
    }
    return list;
}

qint64 EventGenerator::generate(const NextEventId &nextEventId, const Sinks &sinks) const {
    // Zipf-like sizes: the largest tenant holds about a quarter of all events
    QList<qint64> ids;
    QList<double> weights;
    for (int i = 0; i < options_.tenants; ++i) {
        ids << options_.firstTenantId + (options_.tenantPool > 0
                                             ? (i + options_.tenantOffset) % options_.tenantPool
                                             : i);
        weights << 1.0 / std::pow(double(i + 1), 1.1);
    }
    if (options_.orphanTenant) {
        ids << options_.firstTenantId + options_.tenants + options_.emptyTenants + 100;
        weights << weights.value(weights.size() - 1, 1.0);
    }
    double total = 0;
    for (double w : weights)
        total += w;
    qint64 produced = 0;
    const NextEventId anyIds = [](qint64, const char *) { return qint64(1); };
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const qint64 budget =
            std::max<qint64>(1, qint64(double(options_.events) * weights[i] / total));
        Options own = options_;
        if (options_.historyEndsAtMs != 0) {
            // the tenant's stories told once to find their newest moment (the same random
            // stream: the same times, whatever the ids), then told again moved to end there
            qint64 newest = options_.startsAtMs;
            const auto keep = [&newest](const auto &e) { newest = std::max(newest, e.timestamp); };
            const Sinks measure{keep, keep, keep};
            TenantStories(ids[i], budget, options_, measure, anyIds).run();
            own.startsAtMs += options_.historyEndsAtMs - newest;
        }
        produced += TenantStories(ids[i], budget, own, sinks, nextEventId).run();
    }
    return produced;
}

qint64 EventGenerator::lastTimestamp() const {
    qint64 last = std::numeric_limits<qint64>::min();
    const auto keep = [&last](const auto &e) { last = std::max(last, e.timestamp); };
    generate([](qint64, const char *) { return qint64(1); }, Sinks{keep, keep, keep});
    return last;
}

} // namespace mvdash
