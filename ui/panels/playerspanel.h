#pragma once

#include <QWidget>

class QComboBox;
class QChartView;

namespace mvdash {

class TopPlayersModel;

// Tenant admins: the top players by wagered (or another key), with a chart; opening a row
// looks the user up.
class PlayersPanel : public QWidget {
    Q_OBJECT
public:
    PlayersPanel(TopPlayersModel *model, QWidget *parent = nullptr);
    void setTenant(qint64 tenantId);
signals:
    void userActivated(const QString &userId);

private:
    void requery();
    void rebuildChart();
    TopPlayersModel *model_;
    qint64 tenantId_ = -1;
    QComboBox *limit_, *order_;
    QChartView *chart_;
};

} // namespace mvdash
