#pragma once

#include "connectionsettings.h"
#include "eventgenerator.h"

namespace mvdash {

struct SeedReport {
    qint64 events = 0;
    int tenants = 0;
    double seconds = 0;
};

// Writes a generated data set: the tenants rows, then the events through COPY, appending
// after whatever events are already there (event ids continue per tenant and table).
SeedReport seedDatabase(const ConnectionSettings &settings, const EventGenerator::Options &options);

} // namespace mvdash
