#pragma once

#include <QString>

class QGridLayout;
class QLabel;

namespace mvdash {

// A KPI tile (big value over its title) at `index` of a four-column grid; returns the value
// label to fill.
QLabel *tileValue(QGridLayout *grid, int index, const QString &title);

} // namespace mvdash
