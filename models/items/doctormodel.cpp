#include "doctormodel.h"

#include "database.h"
#include "dberror.h"
#include "roles.h"
#include "states.h"

#include <QSqlQuery>

namespace mvdash {

namespace {
// the states as a cell shows them (the theme colours them)
CellState cellStateOf(CheckState state) {
    return state == CheckState::Fail   ? CellState::Failed
           : state == CheckState::Warn ? CellState::Late
                                       : CellState::None;
}

// the model's own context: the Diagnostics panel filters on the same translation of "OK"
QString stateText(CheckState state) {
    switch (state) {
    case CheckState::Fail:
        //: a check's state, in capitals so that a problem stands out
        return DoctorModel::tr("FAIL");
    case CheckState::Warn:
        //: a check's state: a warning
        return DoctorModel::tr("WARN");
    case CheckState::Ok:
        break;
    }
    //: a check's state: nothing to do
    return DoctorModel::tr("OK");
}
} // namespace

DoctorModel::DoctorModel(JobRunner *runner, QObject *parent)
    : ReloadableModel(runner, "mvdash::DoctorModel",
                      {
                          //: column title: OK, WARN or FAIL
                          QT_TRANSLATE_NOOP("mvdash::DoctorModel", "State"),
                          //: column title: the id of the diagnostic check (noun)
                          QT_TRANSLATE_NOOP("mvdash::DoctorModel", "Check"),
                          //: column title: what the check looked at (a view, a node, a tenant)
                          QT_TRANSLATE_NOOP("mvdash::DoctorModel", "Subject"),
                          //: column title: what the check found (noun, past participle)
                          QT_TRANSLATE_NOOP("mvdash::DoctorModel", "Found"),
                          QT_TRANSLATE_NOOP("mvdash::DoctorModel", "What to do"),
                      },
                      parent) {}

void DoctorModel::reload() {
    request([settings = settings_](const QSqlDatabase &db) {
        return QVariant::fromValue(Doctor(db, settings).run());
    });
}

void DoctorModel::apply(const QVariant &result) {
    beginResetModel();
    checks_ = result.value<QList<DoctorCheck>>();
    // the problems first, the worst on top; the order of the checks otherwise
    std::stable_sort(checks_.begin(), checks_.end(),
                     [](const DoctorCheck &a, const DoctorCheck &b) { return a.state > b.state; });
    endResetModel();
}

QVariant DoctorModel::data(const QModelIndex &index, int role) const {
    const DoctorCheck *c = check(index.row());
    if (!c || !index.isValid())
        return {};
    switch (role) {
    case StateRole:
        return QVariant::fromValue(index.column() == State ? cellStateOf(c->state)
                                                           : CellState::None);
    case SortRole:
        if (index.column() == State)
            return int(c->state);
        break;
    case KeyRole:
        return c->id + u' ' + c->subject;
    case Qt::ToolTipRole:
        return c->why.isEmpty() ? c->foundText()
                                : QStringLiteral("%1\n\n%2\n\n%3")
                                      .arg(c->foundText(), c->whyText(), c->fixText());
    default:
        break;
    }
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (index.column()) {
    case State:
        return stateText(c->state);
    case Check:
        return c->id;
    case Subject:
        return c->subject;
    case Found:
        return c->foundText();
    case Advice:
        return c->fixText();
    default:
        return {};
    }
}

bool DoctorModel::applyFix(const DoctorCheck &c) {
    if (c.state == CheckState::Ok)
        return false;
    switch (c.safeFix) {
    case SafeFix::RefreshView:
        emit refreshRequested({c.subject});
        return true;
    case SafeFix::CreateUniqueIndex:
        // the install's own statement (read_model_definitions), identifiers quoted by the server
        runChange(tr("Creating the unique index of %1").arg(c.subject),
                  [sql = c.fixSql](const QSqlDatabase &db) {
                      execScript(db, sql, QStringLiteral("unique index"));
                      return QVariant();
                  });
        return true;
    case SafeFix::DropTenantCopy: {
        const QString base = c.figures.value(QStringLiteral("base")).toString();
        const qint64 tenant = qint64(c.figures.value(QStringLiteral("tenant_id")).toDouble());
        runChange(tr("Dropping %1").arg(c.subject), [base, tenant](const QSqlDatabase &db) {
            runQuery(db, QStringLiteral("tenant_view_drop"), {base, tenant});
            return QVariant();
        });
        return true;
    }
    case SafeFix::EndSession: {
        const int pid = c.figures.value(QStringLiteral("pid")).toInt();
        const QString transaction = c.figures.value(QStringLiteral("xact_start")).toString();
        //: the Diagnostics panel's fix for a session that holds the steps or a refresh back
        runChange(tr("Ending session %1").arg(pid), [pid, transaction](const QSqlDatabase &db) {
            QSqlQuery q = runQuery(db, QStringLiteral("end_session"), {pid, transaction});
            if (!q.next())
                throw DbError(
                    QStringLiteral("pid %1 is no longer in the transaction the check saw: "
                                   "nothing was ended")
                        .arg(pid),
                    tr("pid %1 is no longer in the transaction the check saw: nothing was ended")
                        .arg(pid),
                    QString());
            if (!q.value(0).toBool())
                throw DbError(
                    QStringLiteral("pid %1 was told to end but had not ended 5 s later").arg(pid),
                    tr("pid %1 was told to end but had not ended 5 s later").arg(pid), QString());
            return QVariant();
        });
        return true;
    }
    case SafeFix::None:
        break;
    }
    return false;
}

} // namespace mvdash
