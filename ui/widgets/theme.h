#pragma once

#include "states.h"

#include <QColor>
#include <QString>

// The dashboard's few colours, in one place: states (good, warning, bad) as the tables, the
// freshness badge and the connection label show them, and the error banner. Chosen to stay
// readable on light and dark palettes.
namespace mvdash::theme {

inline QColor good() {
    return QColor(0x2e, 0x7d, 0x32);
}
inline QColor warning() {
    return QColor(0xe0, 0x8a, 0x00);
}
inline QColor bad() {
    return QColor(0xc6, 0x28, 0x28);
}

// The colour of a cell's state (stale, failed bad; late, slow warning; none good).
inline QColor forState(CellState state) {
    switch (state) {
    case CellState::Stale:
    case CellState::Failed:
        return bad();
    case CellState::Late:
    case CellState::Slow:
        return warning();
    case CellState::None:
        break;
    }
    return good();
}

inline QColor forFreshness(Freshness freshness) {
    return forState(cellStateOf(freshness));
}

// "color: #rrggbb" for a label's style sheet.
inline QString textStyle(const QColor &colour) {
    return QStringLiteral("color: %1").arg(colour.name());
}

inline QString bannerStyle() {
    return QStringLiteral("QLabel { background: #fdecea; color: #611a15; border: 1px solid "
                          "#f5c2c0; border-radius: 4px; padding: 6px; }");
}

} // namespace mvdash::theme
