#pragma once

#include <QIdentityProxyModel>

namespace mvdash {

// Colours a model's cells by their StateRole (stale, failed red; late, slow amber):
// the models know states, only the UI knows colours. Readable on light and dark palettes.
class StateColorProxy : public QIdentityProxyModel {
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role) const override;
};

} // namespace mvdash
