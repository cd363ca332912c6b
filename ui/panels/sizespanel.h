#pragma once

#include <QWidget>

class QLabel;
class QChartView;

namespace mvdash {

class ViewSizeModel;
class TimeSeriesModel;

// Ops: size of every view, its share of the event tables, as a table and a chart.
class SizesPanel : public QWidget {
    Q_OBJECT
public:
    SizesPanel(ViewSizeModel *model, TimeSeriesModel *trend, QWidget *parent = nullptr);

private:
    void rebuildChart();
    ViewSizeModel *model_;
    QLabel *ratio_;
    QChartView *chart_;
};

} // namespace mvdash
