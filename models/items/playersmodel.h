#pragma once

#include "recordtablemodel.h"

namespace mvdash {

// The top players of a tenant from user_activity_view, by the order the user chose (one
// catalog query per sort key, each reading its own index in order).
class TopPlayersModel : public RecordTableModel {
    Q_OBJECT
public:
    enum Column { Rank, User, Bets, Wagered, Winnings, Balance, LastActivity, ColumnCount };
    enum class OrderBy { Wagered, Winnings, Bets, Balance, LastActivity };

    explicit TopPlayersModel(JobRunner *runner, QObject *parent = nullptr);

    void setQuery(qint64 tenantId, OrderBy order, int limit);
    void reload() override;

private:
    qint64 tenantId_ = -1;
    OrderBy order_ = OrderBy::Wagered;
    int limit_ = 10;
};

} // namespace mvdash
