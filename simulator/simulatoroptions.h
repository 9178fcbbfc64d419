#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace ica::sim {

/// Faults injected into answers under /ica/rest (never into the /_sim control surface).
/// Counted faults ("next N requests") are consumed in the order below: a request takes at
/// most one of them. An empty pathContains applies the fault to every path; otherwise only
/// requests whose path (below /ica/rest) contains it are affected and counted.
struct FaultOptions {
    int latencyMs = 0;           ///< added to every answer, without blocking the event loop
    QString latencyPathContains; ///< restricts the latency to matching paths

    int rateLimitNext = 0;         ///< the next N requests answer 429 with Retry-After
    double rateLimitRate = 0.0;    ///< 0..1: this fraction of requests answers 429 (deterministic)
    int retryAfterSeconds = 1;     ///< value of the Retry-After header of a 429
    QString rateLimitPathContains; ///< restricts both 429 faults

    int failNext = 0;     ///< the next N requests answer failStatus
    int failStatus = 500; ///< 400, 500, 502 or 503 (429 is accepted too and adds Retry-After)
    QString failPathContains;

    int dropNext = 0; ///< the next N requests are processed, then the socket is closed unanswered
    QString dropPathContains;

    int truncateNext =
        0; ///< the next N answers announce their full Content-Length, send half, close
    QString truncatePathContains;

    /// The next N requests are processed, then a gateway in front of ICA answers
    /// gatewayStatus (502, 503 or 504) with its own HTML page instead of ICA's answer:
    /// what a load balancer does when ICA is slower than its idle timeout.
    int gatewayNext = 0;
    int gatewayStatus = 504;
    QString gatewayPathContains;

    int slowNext = 0; ///< the next N answers come slowMs late (the request is processed)
    int slowMs = 0;   ///< the delay of a slow answer
    QString slowPathContains;

    /// A storm: this fraction (0..1) of requests, chosen by a generator seeded with
    /// stormSeed (same seed, same sequence), gets one of: 429, 500, 502 or 503 before
    /// processing, a gateway 504 after processing, a dropped connection or a
    /// truncated answer after processing. stormGetOnly keeps it to GETs (creates then
    /// see only 429s from rateLimitRate), so a test can count batches exactly.
    double stormRate = 0.0;
    quint64 stormSeed = 1;
    bool stormGetOnly = true;
    QString stormPathContains;
};

struct SimulatorOptions {
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; ///< 0: a free port chosen by the OS

    quint64 seed = 1;                ///< same seed, same generated tenant, projects and data
    int projectCount = 4;            ///< at least 1
    int filesInFirstProject = 20000; ///< the first project in default order holds this many files
    int filesInOtherProjects = 0;    ///< 0: a seeded size between 300 and 1,800 files each

    QStringList apiKeys; ///< accepted X-API-Key values; empty: one key derived from the seed
    int tokenLifetimeSeconds = 3600; ///< lifetime of JWTs from POST /api/tokens, in real seconds

    double speed = 1.0;            ///< simulated seconds per real second (real-time clock only)
    bool manualClock = false;      ///< true: simulated time moves only through advance()
    int itemsPerSecond = 2000;     ///< batch items finished per simulated second
    int initializeMs = 1000;       ///< simulated time a batch stays INITIALIZED
    int waitForResourcesMs = 1000; ///< simulated time a batch then waits for resources

    /// When set, every batch created is appended to this file and the file's batches are
    /// created again at start and run to their end (see BatchJournal): the demo keeps its
    /// batches and their data changes across restarts.
    QString journalPath;

    FaultOptions faults;
};

} // namespace ica::sim
