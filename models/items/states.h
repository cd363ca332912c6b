#pragma once

#include <QMetaType>

namespace mvdash {

// How fresh a read model is against the refresh interval: within it, past it ("late"), past
// twice it or never refreshed ("stale").
enum class Freshness { Fresh, Late, Stale };

// What a cell's StateRole says: the models name the state, only the UI chooses its colour.
enum class CellState { None, Late, Stale, Slow, Failed };

// A read model's freshness as a cell shows it (fresh: nothing to point out).
constexpr CellState cellStateOf(Freshness freshness) {
    return freshness == Freshness::Stale  ? CellState::Stale
           : freshness == Freshness::Late ? CellState::Late
                                          : CellState::None;
}

} // namespace mvdash

Q_DECLARE_METATYPE(mvdash::CellState)
