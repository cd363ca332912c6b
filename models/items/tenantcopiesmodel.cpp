#include "tenantcopiesmodel.h"

#include "database.h"

#include <QCoreApplication>

namespace mvdash {

namespace {
const ColumnList &copyColumns() {
    static const ColumnList columns{
        //: column title: a per-tenant copy of a read model (noun)
        {"copy_name", QT_TRANSLATE_NOOP("mvdash::Columns", "Copy"), ColumnKind::Text},
        //: column title: the read model a per-tenant copy is a copy of
        {"base", QT_TRANSLATE_NOOP("mvdash::Columns", "Of"), ColumnKind::Text},
        {"tenant_name", QT_TRANSLATE_NOOP("mvdash::Columns", "Tenant"), ColumnKind::Text},
        {"tenant_id", QT_TRANSLATE_NOOP("mvdash::Columns", "Tenant id"), ColumnKind::Count},
        {"total_bytes", QT_TRANSLATE_NOOP("mvdash::Columns", "Size"), ColumnKind::Bytes},
        {"last_refreshed_at", QT_TRANSLATE_NOOP("mvdash::Columns", "Last refresh"),
         ColumnKind::Time},
    };
    Q_ASSERT(columns.count() == TenantCopiesModel::ColumnCount);
    return columns;
}
} // namespace

TenantCopiesModel::TenantCopiesModel(JobRunner *runner, QObject *parent)
    : RecordTableModel(runner, copyColumns(), Copy, -1, parent) {}

void TenantCopiesModel::reload() {
    requestRows(QStringLiteral("tenant_copies_list"), {});
}

void TenantCopiesModel::create(const QString &view, qint64 tenantId) {
    change(tr("Creating the copy of %1 for tenant %2").arg(view).arg(tenantId),
           QStringLiteral("tenant_view_create"), {view, tenantId});
}

void TenantCopiesModel::drop(int row) {
    if (row < 0 || row >= rowCount())
        return;
    change(tr("Dropping %1").arg(value(row, Copy).toString()), QStringLiteral("tenant_view_drop"),
           {value(row, Of), value(row, TenantId)});
}

void TenantCopiesModel::change(const QString &what, const QString &catalogName,
                               const QVariantList &values) {
    runChange(what, [catalogName, values](const QSqlDatabase &db) {
        runQuery(db, catalogName, values);
        return QVariant();
    });
}

} // namespace mvdash
