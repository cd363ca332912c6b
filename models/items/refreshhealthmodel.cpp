#include "refreshhealthmodel.h"

#include "format.h"
#include "roles.h"

#include <algorithm>
#include <QLocale>

namespace mvdash {

namespace {
bool sameStatus(const ViewStatus &a, const ViewStatus &b) {
    return a.view == b.view && a.populated == b.populated && a.nextMethod == b.nextMethod &&
           a.lastRefreshedAt == b.lastRefreshedAt && a.avgRefreshMs == b.avgRefreshMs &&
           a.lastDurationMs == b.lastDurationMs && a.refreshCount == b.refreshCount &&
           a.lastOutcome == b.lastOutcome && a.lastError == b.lastError &&
           // by the minute, as the Age column shows it: a reload that only finds the same
           // views some seconds older changes no row
           a.ageSeconds.value_or(-1) / 60 == b.ageSeconds.value_or(-1) / 60 && a.live == b.live &&
           // the lag's seconds too: with the follower stopped and no new event the count stays
           // while the wait grows, and the badge and the Behind (s) column must follow it
           a.lagEvents == b.lagEvents && a.lagSeconds == b.lagSeconds &&
           a.blockedBy == b.blockedBy && a.arrivalsSince == b.arrivalsSince &&
           a.copyOfTenant == b.copyOfTenant;
}
struct SizesResult {
    QList<ViewSize> sizes;
    SizeRatio ratio;
};
} // namespace

void RefreshHealthModel::reload() {
    request([](const QSqlDatabase &db) { return QVariant::fromValue(fetchViewStatus(db)); });
}

void RefreshHealthModel::apply(const QVariant &result) {
    replaceRows<ViewStatus, QString>(
        this, rows_, result.value<QList<ViewStatus>>(), [](const ViewStatus &s) { return s.view; },
        sameStatus, [this] { beginResetModel(); }, [this] { endResetModel(); });
}

void RefreshHealthModel::setThresholds(Thresholds t) {
    thresholds_ = t;
    if (!rows_.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

Freshness RefreshHealthModel::freshness(const ViewStatus &s) const {
    if (!s.ageSeconds || !s.populated)
        return Freshness::Stale;
    return s.live ? freshnessOfLag(s.lagSeconds.toDouble(), s.stepIntervalSeconds)
                  : freshnessOfAge(*s.ageSeconds);
}

Freshness RefreshHealthModel::freshnessOfLag(double lagSeconds,
                                             std::optional<double> stepInterval) const {
    const LiveLagLimits limits = thresholds_.live.forStepInterval(stepInterval);
    if (lagSeconds > limits.staleSeconds)
        return Freshness::Stale;
    if (lagSeconds > limits.lateSeconds)
        return Freshness::Late;
    return Freshness::Fresh;
}

Freshness RefreshHealthModel::freshnessOfAge(qint64 ageSeconds) const {
    if (ageSeconds > 2 * thresholds_.intervalSeconds)
        return Freshness::Stale;
    if (ageSeconds > thresholds_.intervalSeconds)
        return Freshness::Late;
    return Freshness::Fresh;
}

void RefreshHealthModel::setProgress(const QString &view, const QString &text) {
    progress_.insert(view, text);
    for (qsizetype i = 0; i < rows_.size(); ++i)
        if (rows_[i].view == view)
            emit dataChanged(index(int(i), Progress), index(int(i), Progress));
}

bool RefreshHealthModel::live() const {
    return std::any_of(rows_.cbegin(), rows_.cend(), [](const ViewStatus &s) { return s.live; });
}

void RefreshHealthModel::clearProgress() {
    progress_.clear();
    if (!rows_.isEmpty())
        emit dataChanged(index(0, Progress), index(rowCount() - 1, Progress));
}

QVariant RefreshHealthModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size())
        return {};
    const ViewStatus &s = rows_[index.row()];
    const int column = index.column();
    const bool slow = !s.avgRefreshMs.isEmpty() && s.avgRefreshMs.toDouble() > thresholds_.slowMs;
    switch (role) {
    case KeyRole:
        return s.view;
    case StateRole:
        if (column == LastError || column == View)
            return QVariant::fromValue(s.lastOutcome == RunOutcome::Failed ? CellState::Failed
                                                                           : CellState::None);
        if (column == Age || column == LastRefresh)
            return QVariant::fromValue(cellStateOf(freshness(s)));
        if (column == AvgMs)
            return QVariant::fromValue(slow ? CellState::Slow : CellState::None);
        return QVariant::fromValue(CellState::None);
    case Qt::TextAlignmentRole:
        return column == Age || column == AvgMs || column == LastMs || column == Count ||
                       column == Behind || column == BehindSeconds
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case SortRole:
        switch (column) {
        case Age:
            return s.ageSeconds.value_or(std::numeric_limits<qint64>::max());
        case AvgMs:
            return s.avgRefreshMs.toDouble();
        case LastMs:
            return s.lastDurationMs.toDouble();
        case Count:
            return s.refreshCount;
        case Behind:
            return s.live ? s.lagEvents.value_or(-1) : s.arrivalsSince.value_or(-1);
        case BehindSeconds:
            return s.lagSeconds.isEmpty() ? -1.0 : s.lagSeconds.toDouble();
        case LastRefresh:
            return s.lastRefreshedAt;
        default:
            break;
        }
        [[fallthrough]];
    case Qt::DisplayRole:
        switch (column) {
        case View:
            return s.view;
        case Populated:
            if (s.populated)
                //: the view holds data
                return tr("yes");
            //: the view holds no data; "Refresh" is the button that fills it
            return tr("no — run Refresh");
        case Method:
            return s.nextMethod;
        case LastRefresh:
            //: last refresh: the view was never refreshed
            return s.lastRefreshedAt.isValid() ? formatTime(s.lastRefreshedAt) : tr("never");
        case Age:
            // whole minutes: the rows are compared by the minute (sameStatus), so a figure in
            // seconds would stand still while the data aged ("0 s" for a minute)
            if (!s.ageSeconds)
                return QStringLiteral("—");
            //: the age of a refresh under a minute
            return *s.ageSeconds < 60 ? tr("< 1 min") : formatAgeByMinute(*s.ageSeconds);
        case AvgMs:
            // no average of nothing: after a switch of mode the log's averages start again
            // at 0 runs, and "0.00" would read as a run that took no time
            return s.refreshCount > 0 ? formatDecimalText(s.avgRefreshMs) : QStringLiteral("—");
        case LastMs:
            return s.lastDurationMs.isEmpty() ? QStringLiteral("—")
                                              : formatDecimalText(s.lastDurationMs);
        case Count:
            return s.refreshCount;
        case Progress:
            return progress_.value(s.view);
        case LastError:
            return s.lastOutcome == RunOutcome::Failed ? s.lastError : QString();
        case Behind:
            if (s.live)
                return s.lagEvents ? QLocale().toString(*s.lagEvents) : QString();
            //: matview mode: about this many events are not in the view ("≈ 1,234")
            return s.arrivalsSince ? tr("≈ %1").arg(QLocale().toString(*s.arrivalsSince))
                                   : QString();
        case BehindSeconds:
            return s.live ? formatDecimalText(s.lagSeconds) : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if ((column == Age || column == LastRefresh) && s.live) {
            const LiveLagLimits limits = thresholds_.live.forStepInterval(s.stepIntervalSeconds);
            //: a live read model's cell: %1 view, %2 and %3 seconds, when committed events
            //: waiting for a step make it late and stale (the colour)
            return tr("%1: live, judged by how long committed events wait for a step (late "
                      "after %2 s, stale after %3 s)")
                .arg(s.view, QLocale().toString(limits.lateSeconds, 'f', 0),
                     QLocale().toString(limits.staleSeconds, 'f', 0));
        }
        if (column == Age || column == LastRefresh) {
            //: %1 and %2 seconds: when a view counts as late and as stale
            const QString schedule = tr("schedule every %1 s (late after %1 s, stale after %2 s)")
                                         .arg(formatCount(thresholds_.intervalSeconds),
                                              formatCount(2 * thresholds_.intervalSeconds));
            return s.ageSeconds
                       //: %1 view, %2 an age ("3 min"), %3 the schedule
                       ? tr("%1: refreshed %2 ago; %3")
                             .arg(s.view, formatAge(*s.ageSeconds), schedule)
                       //: %1 view, %2 the schedule
                       : tr("%1: never refreshed; %2").arg(s.view, schedule);
        }
        if (column == LastError)
            return s.lastError;
        if (column == Behind && !s.live)
            return tr("matview mode: about how many events arrived since the view's last "
                      "refresh: the arrivals taken since (a write rolled back counts too, one "
                      "still open when the refresh began does not); the view shows them after its "
                      "next refresh");
        if (column == BehindSeconds && !s.live)
            return tr("matview mode: the views are as old as their last refresh");
        if (column == Behind)
            return s.blockedBy.isEmpty()
                       ? tr("committed events not in the live read models yet")
                       //: %1 names the writer's session
                       : tr("committed events not in the live read models yet; held back by a "
                            "writer still in its transaction: %1")
                             .arg(s.blockedBy);
        if (column == BehindSeconds)
            return tr("how far behind in time the live read models are while committed events "
                      "wait: seconds since the step they are as of (0 when none waits)");
        if (column == Method && s.live)
            return tr("live read model: kept up to date by incremental steps (mvdash-admin "
                      "follow), every read model at once");
        if (column == Method)
            return s.hasUniqueIndex
                       ? tr("has a unique index: refreshed CONCURRENTLY once populated")
                       : tr("no unique index: only a plain refresh (blocks readers)");
        return {};
    default:
        return {};
    }
}

RefreshHealthModel::RefreshHealthModel(JobRunner *runner, QObject *parent)
    : ReloadableModel(runner, "mvdash::RefreshHealthModel",
                      {
                          //: column title: the materialized view (read model)
                          QT_TRANSLATE_NOOP("mvdash::RefreshHealthModel", "View"),
                          //: column title: whether the view holds data (yes / no)
                          QT_TRANSLATE_NOOP("mvdash::RefreshHealthModel", "Populated"),
                          //: column title: how the next refresh runs (CONCURRENTLY, plain, live)
                          QT_TRANSLATE_NOOP("mvdash::RefreshHealthModel", "Method"),
                          //: column title: when the view was last refreshed
                          QT_TRANSLATE_NOOP("mvdash::RefreshHealthModel", "Last refresh"),
                          //: column title: time since the last refresh
                          QT_TRANSLATE_NOOP("mvdash::RefreshHealthModel", "Age"),
                          //: column title: committed events not yet applied to the live read model
                          QT_TRANSLATE_NOOP("mvdash::RefreshHealthModel", "Behind (events)"),
                          //: column title: how far behind in time the live read models are
                          //: while committed events wait (0 when none waits)
                          QT_TRANSLATE_NOOP("mvdash::RefreshHealthModel", "Behind (s)"),
                          //: column title: average refresh duration in milliseconds
                          QT_TRANSLATE_NOOP("mvdash::RefreshHealthModel", "Avg ms"),
                          //: column title: duration of the last refresh in milliseconds
                          QT_TRANSLATE_NOOP("mvdash::RefreshHealthModel", "Last ms"),
                          //: column title: how many times the view was refreshed
                          QT_TRANSLATE_NOOP("mvdash::RefreshHealthModel", "Count"),
                          //: column title: what the running refresh is doing with this view
                          QT_TRANSLATE_NOOP("mvdash::RefreshHealthModel", "Progress"),
                          QT_TRANSLATE_NOOP("mvdash::RefreshHealthModel", "Last error"),
                      },
                      parent) {}

void ViewSizeModel::reload() {
    request([](const QSqlDatabase &db) {
        return QVariant::fromValue(SizesResult{fetchViewSizes(db), fetchSizeRatio(db)});
    });
}

void ViewSizeModel::apply(const QVariant &result) {
    const auto r = result.value<SizesResult>();
    ratio_ = r.ratio;
    replaceRows<ViewSize, QString>(
        this, rows_, r.sizes, [](const ViewSize &s) { return s.view; },
        [](const ViewSize &a, const ViewSize &b) {
            return a.view == b.view && a.totalBytes == b.totalBytes &&
                   a.tableBytes == b.tableBytes && a.indexBytes == b.indexBytes &&
                   a.rowEstimate == b.rowEstimate && a.shareOfEventTables == b.shareOfEventTables &&
                   a.sizesAsOf == b.sizesAsOf;
        },
        [this] { beginResetModel(); }, [this] { endResetModel(); });
}

QVariant ViewSizeModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size())
        return {};
    const ViewSize &s = rows_[index.row()];
    const int column = index.column();
    if (role == KeyRole)
        return s.view;
    if (role == Qt::TextAlignmentRole)
        return column == View ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == SortRole) {
        switch (column) {
        case Total:
            return s.totalBytes;
        case Table:
            return s.tableBytes;
        case Indexes:
            return s.indexBytes;
        case IndexCount:
            return s.indexCount;
        case Rows:
            return s.rowEstimate.value_or(-1);
        case Share:
            return s.shareOfEventTables.toDouble();
        default:
            return s.view;
        }
    }
    if (role == Qt::ToolTipRole && column == Rows)
        return s.rowEstimate
                   ? tr("the planner's estimate of the rows (exact after an ANALYZE of a small "
                        "table)")
                   //: the Sizes panel's "?" in the Rows column
                   : tr("unknown: on Citus the rows are in the shards, which a panel does not "
                        "ask (mvdash-admin doctor counts them: storage.dead_rows); on "
                        "PostgreSQL a materialized view not analyzed since its last plain "
                        "refresh");
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case View:
        return s.view;
    case Total:
        return formatBytes(s.totalBytes);
    case Table:
        return formatBytes(s.tableBytes);
    case Indexes:
        return formatBytes(s.indexBytes);
    case IndexCount:
        return s.indexCount;
    case Rows:
        return s.rowEstimate ? formatCount(*s.rowEstimate) : QStringLiteral("?");
    case Share:
        return s.shareOfEventTables.isEmpty()
                   ? QStringLiteral("—")
                   : QLocale().toString(s.shareOfEventTables.toDouble() * 100, 'f', 1) + u'%';
    default:
        return {};
    }
}

ViewSizeModel::ViewSizeModel(JobRunner *runner, QObject *parent)
    : ReloadableModel(runner, "mvdash::ViewSizeModel",
                      {
                          //: column title: the materialized view (read model)
                          QT_TRANSLATE_NOOP("mvdash::ViewSizeModel", "View"),
                          //: column title: total size on disk (table + indexes)
                          QT_TRANSLATE_NOOP("mvdash::ViewSizeModel", "Total"),
                          //: column title: size of the view's table (heap) on disk, without indexes
                          QT_TRANSLATE_NOOP("mvdash::ViewSizeModel", "Table"),
                          //: column title: size of the view's indexes on disk
                          QT_TRANSLATE_NOOP("mvdash::ViewSizeModel", "Indexes"),
                          //: column title, short: number of indexes
                          QT_TRANSLATE_NOOP("mvdash::ViewSizeModel", "# idx"),
                          //: column title: estimated number of rows
                          QT_TRANSLATE_NOOP("mvdash::ViewSizeModel", "Rows"),
                          //: column title: the view's size as a share of the event tables' size
                          QT_TRANSLATE_NOOP("mvdash::ViewSizeModel", "Share of events"),
                      },
                      parent) {}

} // namespace mvdash
