#pragma once

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

// The colour of a state word as models report it ("stale"/"failed" bad, "late"/"slow"
// warning, anything else good).
inline QColor forState(const QString &state) {
    if (state == u"stale" || state == u"failed")
        return bad();
    if (state == u"late" || state == u"slow")
        return warning();
    return good();
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
