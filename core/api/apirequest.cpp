#include "core/api/apirequest.h"

#include <QUrl>

namespace ica {

QueryParams &QueryParams::add(const QString &key, const QString &value) {
    m_items.append({key, value});
    return *this;
}

QueryParams &QueryParams::addAll(const QString &key, const QStringList &values) {
    for (const QString &value : values)
        add(key, value);
    return *this;
}

QueryParams &QueryParams::addIfSet(const QString &key, const QString &value) {
    if (!value.isEmpty())
        add(key, value);
    return *this;
}

QByteArray QueryParams::encoded() const {
    QByteArray out;
    for (const auto &[key, value] : m_items) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

QStringList QueryParams::values(const QString &key) const {
    QStringList out;
    for (const auto &[k, v] : m_items) {
        if (k == key)
            out.append(v);
    }
    return out;
}

QString pathSegment(const QString &segment) {
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

} // namespace ica
