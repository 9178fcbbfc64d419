#include "core/api/jobapi.h"

namespace ica {

JobListing JobListing::fromJson(const QJsonObject &o, DecodeContext &ctx) {
    JobListing listing;
    listing.job = Job::fromJson(o, ctx);
    listing.projectId =
        o.value(QLatin1String("project")).toObject().value(QLatin1String("id")).toString();
    return listing;
}

QJsonObject JobListing::toJson() const {
    QJsonObject o = job.toJson();
    if (!projectId.isEmpty())
        o.insert(QStringLiteral("project"), QJsonObject{{QStringLiteral("id"), projectId}});
    return o;
}

ApiCall *JobApi::list(const PageRequest &page, const QString &sort, QObject *context,
                      ResultCallback<JobPage> callback) {
    ApiRequest request;
    request.path = QStringLiteral("/api/jobs");
    page.addTo(request.query, sort);
    return deliver<JobPage>(m_client->send(std::move(request)), context, &decodeJson<JobPage>,
                            std::move(callback));
}

} // namespace ica
