#include "simulator/queryparams.h"

#include <QUrl>

#include <algorithm>

namespace ica::sim {

namespace {
QString decodeComponent(QByteArray part) {
    part.replace('+', ' ');
    return QUrl::fromPercentEncoding(part);
}
} // namespace

QueryParams QueryParams::parse(const QByteArray &encodedQuery) {
    QueryParams params;
    for (const QByteArray &pair : encodedQuery.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QByteArray name = eq < 0 ? pair : pair.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        params.m_items.append({decodeComponent(name), decodeComponent(value)});
    }
    return params;
}

bool QueryParams::has(const QString &name) const {
    return std::any_of(m_items.begin(), m_items.end(),
                       [&](const auto &item) { return item.first == name; });
}

QString QueryParams::value(const QString &name) const {
    for (const auto &item : m_items) {
        if (item.first == name)
            return item.second;
    }
    return {};
}

QStringList QueryParams::values(const QString &name) const {
    QStringList result;
    for (const auto &item : m_items) {
        if (item.first == name)
            result.append(item.second);
    }
    return result;
}

QStringList QueryParams::listValues(const QString &name) const {
    QStringList result;
    for (const auto &item : m_items) {
        if (item.first != name)
            continue;
        for (const QString &part : item.second.split(QLatin1Char(','))) {
            const QString trimmed = part.trimmed();
            if (!trimmed.isEmpty())
                result.append(trimmed);
        }
    }
    return result;
}

QByteArray QueryParams::canonical(const QStringList &excludedNames) const {
    QList<QPair<QString, QString>> kept;
    for (const auto &item : m_items) {
        if (!excludedNames.contains(item.first))
            kept.append(item);
    }
    std::sort(kept.begin(), kept.end());
    QByteArray out;
    for (const auto &item : kept) {
        out.append(QUrl::toPercentEncoding(item.first));
        out.append('=');
        out.append(QUrl::toPercentEncoding(item.second));
        out.append('&');
    }
    return out;
}

} // namespace ica::sim
