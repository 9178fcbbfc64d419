#pragma once

#include "simulator/router.h"

namespace ica::sim {

class IcaSimulator;

/// The control surface for out-of-process tests and scripts, outside /ica/rest and
/// without credentials (the simulator listens on loopback). Bodies are application/json.
///
///   POST /_sim/advance?ms=N   advance simulated time by N ms and process batches
///                             -> {"now": "<RFC 3339>", "nowMs": <ms since epoch>}
///   POST /_sim/faults         JSON object with any of the FaultInjector keys
///                             (latencyMs, failNext, failStatus, rateLimitNext,
///                             rateLimitRate, retryAfterSeconds, dropNext, truncateNext,
///                             gatewayNext, gatewayStatus, slowNext, slowMs, stormRate,
///                             stormSeed, stormGetOnly, and <fault>PathContains
///                             filters), applied on top of the
///                             current faults -> the resulting fault configuration
///   POST /_sim/reset-faults   clear all faults -> the (empty) fault configuration
///   GET  /_sim/info           {"baseUrl", "tenant": {id, name}, "now", "nowMs",
///                             "manualClock", "speed", "itemsPerSecond", "batchCount",
///                             "projects": [{id, name, fileCount, folderCount}]}
///                             (never the API key)
class ControlEndpoints {
public:
    explicit ControlEndpoints(IcaSimulator &simulator)
        : m_sim(simulator) {}
    void registerRoutes(Router &router);

private:
    ApiResponse advance(const ApiRequest &request);
    ApiResponse setFaults(const ApiRequest &request);
    ApiResponse resetFaults();
    ApiResponse info();

    IcaSimulator &m_sim;
};

} // namespace ica::sim
