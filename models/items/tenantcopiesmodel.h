#pragma once

#include "recordtablemodel.h"

namespace mvdash {

// The per-tenant copies of the read models (the guide's tip 4), with their tenant, size and
// last refresh; creates and drops them (mvdash.create_tenant_view / drop_tenant_view, which
// check the view and the tenant against the catalog), then loads again.
class TenantCopiesModel : public RecordTableModel {
    Q_OBJECT
public:
    enum Column { Copy, Of, Tenant, TenantId, Size, Refreshed, ColumnCount };

    explicit TenantCopiesModel(JobRunner *runner, QObject *parent = nullptr);

    void reload() override;
    void create(const QString &view, qint64 tenantId);
    void drop(int row);

private:
    // runs a catalog statement as a change
    void change(const QString &what, const QString &catalogName, const QVariantList &values);
};

} // namespace mvdash
