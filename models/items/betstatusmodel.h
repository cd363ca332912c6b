#pragma once

#include "reloadablemodel.h"

#include <QList>
#include <QPair>

namespace mvdash {

// Bets of a tenant per status (the summary's chart).
class BetStatusModel : public ReloadableModel {
    Q_OBJECT
public:
    using ReloadableModel::ReloadableModel;
    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(rows_.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : 2;
    }
    QVariant data(const QModelIndex &index, int role) const override;
    void setTenant(qint64 tenantId);
    void reload() override;

protected:
    void apply(const QVariant &result) override;
    void discardRows() override;

private:
    QList<QPair<QString, qint64>> rows_;
    qint64 tenantId_ = -1;
};

} // namespace mvdash
