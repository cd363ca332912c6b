#include "refreshrunner.h"

#include "database.h"
#include "dberror.h"

#include <QSqlQuery>
#include <QVariant>

namespace mvdash {

QList<RefreshPlanEntry> RefreshRunner::plan() const {
    QList<RefreshPlanEntry> list;
    QSqlQuery q = runQuery(db_, QStringLiteral("refresh_plan"));
    while (q.next())
        list << RefreshPlanEntry{q.value(0).toString(), q.value(1).toInt(), q.value(2).toBool(),
                                 q.value(3).toBool(), q.value(4).toString()};
    return list;
}

QList<RefreshOutcome>
RefreshRunner::run(const QStringList &views,
                   const std::function<void(const RefreshPlanEntry &)> &onStart,
                   const std::function<void(const RefreshOutcome &)> &onDone) {
    const QList<RefreshPlanEntry> fullPlan = plan();
    QList<RefreshPlanEntry> selected;
    for (const QString &name : views) {
        if (std::none_of(fullPlan.cbegin(), fullPlan.cend(),
                         [&](const RefreshPlanEntry &e) { return e.view == name; }))
            throw DbError(QStringLiteral("unknown materialized view: %1").arg(name),
                          QStringLiteral("42P01"));
    }
    for (const RefreshPlanEntry &entry : fullPlan) {
        if (views.isEmpty() || views.contains(entry.view))
            selected << entry;
    }

    QSqlQuery runQ = runQuery(db_, QStringLiteral("refresh_new_run"));
    runQ.next();
    const qint64 runId = runQ.value(0).toLongLong();
    runQ.finish();

    QList<RefreshOutcome> outcomes;
    for (const RefreshPlanEntry &entry : selected) {
        if (onStart)
            onStart(entry);
        QSqlQuery begin = runQuery(db_, QStringLiteral("refresh_begin"), {entry.view, runId});
        begin.next();
        const qint64 historyId = begin.value(0).toLongLong();
        begin.finish();
        QSqlQuery q;
        try {
            q = runQuery(db_, QStringLiteral("refresh_view"), {entry.view, runId, historyId});
        } catch (const DbError &e) {
            // cancelled or cut off: leave no 'running' row behind (best effort: the
            // connection may be gone, then the next run closes the row)
            QSqlQuery abort(db_);
            abort.prepare(catalogQuery(QStringLiteral("refresh_abort")));
            abort.addBindValue(historyId);
            abort.addBindValue(e.message());
            abort.exec();
            throw;
        }
        RefreshOutcome outcome;
        if (q.next())
            outcome =
                RefreshOutcome{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                               q.value(3).toString(), q.value(4).toString()};
        q.finish();
        outcomes << outcome;
        if (onDone)
            onDone(outcome);
    }
    return outcomes;
}

} // namespace mvdash
