#pragma once

#include "states.h"

#include <iterator>
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

// Line colours for a chart's series, all told apart: Qt Charts' light theme has five, and the
// sixth and seventh series (the read models and the part) came back in the first one's blue.
// (Tableau's ten, readable on light and dark backgrounds.)
inline QColor seriesColour(int index) {
    static const QColor colours[] = {QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b),
                                     QColor(0xe1, 0x57, 0x59), QColor(0x76, 0xb7, 0xb2),
                                     QColor(0x59, 0xa1, 0x4f), QColor(0xed, 0xc9, 0x48),
                                     QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7),
                                     QColor(0x9c, 0x75, 0x5f), QColor(0xba, 0xb0, 0xac)};
    return colours[index % std::size(colours)];
}

inline QString bannerStyle() {
    return QStringLiteral("QLabel { background: #fdecea; color: #611a15; border: 1px solid "
                          "#f5c2c0; border-radius: 4px; padding: 6px; }");
}

} // namespace mvdash::theme
