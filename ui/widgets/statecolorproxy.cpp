#include "statecolorproxy.h"

#include "roles.h"
#include "theme.h"

#include <QColor>
#include <QFont>

namespace mvdash {

QVariant StateColorProxy::data(const QModelIndex &index, int role) const {
    if (role == Qt::ForegroundRole || role == Qt::FontRole) {
        const QString state = QIdentityProxyModel::data(index, StateRole).toString();
        if (state.isEmpty() || state == u"fresh")
            return QIdentityProxyModel::data(index, role);
        if (role == Qt::FontRole) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return state == u"failed" || state == u"stale" ? theme::bad() : theme::warning();
    }
    return QIdentityProxyModel::data(index, role);
}

} // namespace mvdash
