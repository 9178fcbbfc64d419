#include "simulator/controlendpoints.h"

#include "simulator/datastore.h"
#include "simulator/icasimulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ica::sim {

namespace {
ApiResponse jsonAnswer(const QJsonObject &object) {
    return ApiResponse::plainJson(QJsonDocument(object).toJson(QJsonDocument::Compact));
}
} // namespace

void ControlEndpoints::registerRoutes(Router &router) {
    router.add("POST", QStringLiteral("/_sim/advance"), AuthRequirement::None,
               [this](const ApiRequest &r, const PathArgs &) { return advance(r); });
    router.add("POST", QStringLiteral("/_sim/faults"), AuthRequirement::None,
               [this](const ApiRequest &r, const PathArgs &) { return setFaults(r); });
    router.add("POST", QStringLiteral("/_sim/reset-faults"), AuthRequirement::None,
               [this](const ApiRequest &, const PathArgs &) { return resetFaults(); });
    router.add("GET", QStringLiteral("/_sim/info"), AuthRequirement::None,
               [this](const ApiRequest &, const PathArgs &) { return info(); });
}

ApiResponse ControlEndpoints::advance(const ApiRequest &request) {
    bool ok = false;
    const qint64 ms = request.query.value(QStringLiteral("ms")).toLongLong(&ok);
    if (!ok || ms < 0)
        throw ApiError::badRequest(QStringLiteral("ms must be a non-negative integer."),
                                   {{QStringLiteral("parameter"), QStringLiteral("ms")}});
    m_sim.advance(std::chrono::milliseconds(ms));
    return jsonAnswer({{QStringLiteral("now"), formatRfc3339(m_sim.nowMs())},
                       {QStringLiteral("nowMs"), double(m_sim.nowMs())}});
}

ApiResponse ControlEndpoints::setFaults(const ApiRequest &request) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        throw ApiError::badRequest(QStringLiteral("The body must be a JSON object of fault "
                                                  "options."));
    QString message;
    if (!m_sim.faults().applyJson(document.object(), &message))
        throw ApiError::badRequest(message);
    return jsonAnswer(m_sim.faults().toJson());
}

ApiResponse ControlEndpoints::resetFaults() {
    m_sim.faults().reset();
    return jsonAnswer(m_sim.faults().toJson());
}

ApiResponse ControlEndpoints::info() {
    const DataStore &store = m_sim.store();
    QJsonArray projects;
    for (int i = 0; i < store.projectCount(); ++i) {
        const Project &p = store.project(i);
        projects.append(QJsonObject{
            {QStringLiteral("id"), p.meta.id.toString()},
            {QStringLiteral("name"), p.name},
            {QStringLiteral("fileCount"), p.fileCount},
            {QStringLiteral("folderCount"), int(p.nodes.size()) - p.fileCount},
        });
    }
    const SimulatorOptions &options = m_sim.options();
    return jsonAnswer({
        {QStringLiteral("baseUrl"), m_sim.baseUrl().toString()},
        {QStringLiteral("tenant"),
         QJsonObject{{QStringLiteral("id"), store.world().tenantId.toString()},
                     {QStringLiteral("name"), store.world().tenantName}}},
        {QStringLiteral("now"), formatRfc3339(m_sim.nowMs())},
        {QStringLiteral("nowMs"), double(m_sim.nowMs())},
        {QStringLiteral("manualClock"), options.manualClock},
        {QStringLiteral("speed"), options.speed},
        {QStringLiteral("itemsPerSecond"), options.itemsPerSecond},
        {QStringLiteral("batchCount"), m_sim.batchCount()},
        {QStringLiteral("projects"), projects},
    });
}

} // namespace ica::sim
