#pragma once

#include <optional>
#include <QString>
#include <QStringView>

namespace mvdash {

// How one view's refresh (or a live step's read model) ended, as the engine records it
// (refresh history, refresh_aggregate_views(), live_step()).
enum class RunOutcome { Ok, Skipped, Failed };

// The engine's word for it ("ok", "skipped", "failed"), as stored, printed by the CLI and in
// JSON; nullopt for any other text.
std::optional<RunOutcome> parseRunOutcome(QStringView word);
QString runOutcomeWord(RunOutcome outcome);

} // namespace mvdash
