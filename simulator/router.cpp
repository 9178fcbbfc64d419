#include "simulator/router.h"

#include <QUrl>

namespace ica::sim {

void Router::add(const QByteArray &method, const QString &pattern, AuthRequirement auth,
                 Handler handler) {
    Route route;
    route.method = method;
    route.segments = pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    route.auth = auth;
    route.handler = std::move(handler);
    m_routes.push_back(std::move(route));
}

Router::Match Router::match(const QByteArray &method, const QByteArray &encodedPath) const {
    QList<QByteArray> raw = encodedPath.split('/');
    if (!raw.isEmpty() && raw.first().isEmpty())
        raw.removeFirst();
    QStringList segments;
    segments.reserve(raw.size());
    for (const QByteArray &part : raw)
        segments.append(QUrl::fromPercentEncoding(part));

    Match result;
    for (const Route &route : m_routes) {
        if (route.segments.size() != segments.size())
            continue;
        PathArgs args;
        bool ok = true;
        for (qsizetype i = 0; i < segments.size() && ok; ++i) {
            const QString &pattern = route.segments[i];
            if (pattern.startsWith(QLatin1Char('{')) && pattern.endsWith(QLatin1Char('}'))) {
                if (segments[i].isEmpty())
                    ok = false;
                else
                    args.insert(pattern.mid(1, pattern.size() - 2), segments[i]);
            } else {
                ok = pattern == segments[i];
            }
        }
        if (!ok)
            continue;
        if (!result.allowedMethods.contains(route.method))
            result.allowedMethods.append(route.method);
        if (route.method == method && !result.route) {
            result.route = &route;
            result.args = std::move(args);
        }
    }
    return result;
}

} // namespace ica::sim
