#include "humanize.h"

#include <algorithm>
#include <QCoreApplication>

namespace mvdash {

namespace {

// The units, marked for lupdate; translated (or not) by the caller.
constexpr const char *kUnits[] = {
    //: an age in seconds, abbreviated: "42 s"
    QT_TRANSLATE_NOOP("mvdash::Humanize", "%1 s"),
    //: an age in minutes, abbreviated: "3 min"
    QT_TRANSLATE_NOOP("mvdash::Humanize", "%1 min"),
    //: an age in hours, abbreviated: "5 h"
    QT_TRANSLATE_NOOP("mvdash::Humanize", "%1 h"),
    //: an age in days, abbreviated: "2 d"
    QT_TRANSLATE_NOOP("mvdash::Humanize", "%1 d"),
};

QString age(qint64 s, bool translated) {
    if (s < 0)
        s = 0;
    const int unit = s < 120 ? 0 : s < 7200 ? 1 : s < 172800 ? 2 : 3;
    const qint64 divisor[] = {1, 60, 3600, 86400};
    const QString text = translated ? QCoreApplication::translate("mvdash::Humanize", kUnits[unit])
                                    : QString::fromLatin1(kUnits[unit]);
    return text.arg(s / divisor[unit]);
}

} // namespace

QString formatAge(qint64 s) {
    return age(s, true);
}

QString formatAgeEnglish(qint64 s) {
    return age(s, false);
}

QString formatAgeByMinute(qint64 s) {
    if (s < 120)
        return QCoreApplication::translate("mvdash::Humanize", kUnits[1])
            .arg(std::max<qint64>(s, 0) / 60);
    return age(s / 60 * 60, true);
}

} // namespace mvdash
