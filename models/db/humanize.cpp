#include "humanize.h"

namespace mvdash {

QString formatAge(qint64 s) {
    if (s < 0)
        s = 0;
    if (s < 120)
        return QStringLiteral("%1 s").arg(s);
    if (s < 7200)
        return QStringLiteral("%1 min").arg(s / 60);
    if (s < 172800)
        return QStringLiteral("%1 h").arg(s / 3600);
    return QStringLiteral("%1 d").arg(s / 86400);
}

} // namespace mvdash
