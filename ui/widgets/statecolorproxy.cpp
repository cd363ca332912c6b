#include "statecolorproxy.h"

#include "roles.h"
#include "theme.h"

#include <QColor>
#include <QFont>

namespace mvdash {

QVariant StateColorProxy::data(const QModelIndex &index, int role) const {
    if (role == Qt::ForegroundRole || role == Qt::FontRole) {
        const auto state = QIdentityProxyModel::data(index, StateRole).value<CellState>();
        if (state == CellState::None)
            return QIdentityProxyModel::data(index, role);
        if (role == Qt::FontRole) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return theme::forState(state);
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace mvdash
