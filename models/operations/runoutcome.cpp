#include "runoutcome.h"

namespace mvdash {

std::optional<RunOutcome> parseRunOutcome(QStringView word) {
    if (word == u"ok")
        return RunOutcome::Ok;
    if (word == u"skipped")
        return RunOutcome::Skipped;
    if (word == u"failed")
        return RunOutcome::Failed;
    return std::nullopt;
}

QString runOutcomeWord(RunOutcome outcome) {
    switch (outcome) {
    case RunOutcome::Ok:
        return QStringLiteral("ok");
    case RunOutcome::Skipped:
        return QStringLiteral("skipped");
    case RunOutcome::Failed:
        break;
    }
    return QStringLiteral("failed");
}

} // namespace mvdash
