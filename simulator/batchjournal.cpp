#include "simulator/batchjournal.h"

#include <QFile>
#include <QJsonDocument>

namespace ica::sim {

QList<BatchJournal::Entry> BatchJournal::read() const {
    QList<Entry> entries;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return entries; // no journal yet
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const QString projectId = o.value(QLatin1String("projectId")).toString();
        const QJsonObject body = o.value(QLatin1String("body")).toObject();
        if (projectId.isEmpty() || body.isEmpty())
            continue;
        entries.append({projectId, body});
    }
    return entries;
}

bool BatchJournal::append(const QString &projectId, const QJsonObject &body) const {
    QFile file(m_path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    const QJsonObject line{{QStringLiteral("projectId"), projectId},
                           {QStringLiteral("body"), body}};
    const QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    return file.write(bytes) == bytes.size() && file.flush();
}

} // namespace ica::sim
