#pragma once

#include "simulator/apimessage.h"

#include <QHash>

#include <functional>
#include <vector>

namespace ica::sim {

using PathArgs = QHash<QString, QString>;
using Handler = std::function<ApiResponse(const ApiRequest &, const PathArgs &)>;

enum class AuthRequirement {
    None,          ///< no credentials needed
    ApiKeyOrToken, ///< X-API-Key or Bearer JWT
    ApiKeyOnly,    ///< X-API-Key (POST /api/tokens)
};

/// Matches paths against templates such as /api/projects/{projectId}/data/{dataId}.
/// Segments are percent-decoded after splitting, so an id may contain an encoded '/'.
/// Tells "no such path" (404) apart from "path exists, other method" (405 + Allow).
class Router {
public:
    struct Route {
        QByteArray method;
        QStringList segments; ///< literal segments or {name}
        AuthRequirement auth = AuthRequirement::ApiKeyOrToken;
        Handler handler;
    };

    struct Match {
        const Route *route = nullptr; ///< null: no route for this method
        PathArgs args;
        QList<QByteArray> allowedMethods; ///< methods of routes matching the path (for 405)
    };

    void add(const QByteArray &method, const QString &pattern, AuthRequirement auth,
             Handler handler);
    Match match(const QByteArray &method, const QByteArray &encodedPath) const;

private:
    std::vector<Route> m_routes;
};

} // namespace ica::sim
