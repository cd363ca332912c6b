#pragma once

#include <QString>

namespace mvdash {

// An age for people, rounded down to its unit: "42 s", "3 min", "5 h", "2 d" (negative clock
// skew shows as 0 s). Here, below every layer that tells people ages (the doctor, the CLI,
// the item models). Translated (context "mvdash::Humanize"): call it when the text is shown,
// not at static initialization.
QString formatAge(qint64 seconds);
// The same, always in English: for machine-read text that must not change with the language
// (the doctor's JSON, docs/DOCTOR.md).
QString formatAgeEnglish(qint64 seconds);
// By the minute, for a figure that is only updated once a minute: "1 min" from 60 s (where
// formatAge still counts seconds up to "119 s"), then as formatAge. Under a minute: "0 min".
QString formatAgeByMinute(qint64 seconds);

} // namespace mvdash
