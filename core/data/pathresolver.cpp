#include "core/data/pathresolver.h"

#include "core/data/datalookup.h"
#include "core/diagnostics/statusnotices.h"

#include <QMetaObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace ica {

namespace {

/// Paths named in a message at most; the rest are counted.
constexpr int NamedInMessage = 5;

QString key(const QString &normalized) {
    return normalized.toLower();
}

} // namespace

PathResolver::PathResolver(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

bool PathResolver::looksLikePath(const QString &line) {
    const QString text = line.trimmed();
    if (!text.startsWith(QLatin1Char('/')) || text.contains(QLatin1String("://")))
        return false;
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return false;
    }
    return text.size() > 1 && text.count(QLatin1Char('/')) < text.size(); // not just slashes
}

QString PathResolver::normalizedPath(const QString &line) {
    QString text = line.trimmed();
    static const QRegularExpression repeatedSlashes(QStringLiteral("/{2,}"));
    text.replace(repeatedSlashes, QStringLiteral("/"));
    for (const QString &part : text.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (part == QLatin1String(".") || part == QLatin1String(".."))
            return QString();
    }
    return text;
}

QStringList PathResolver::dataIds() const {
    QStringList ids;
    for (const ResolvedPath &r : m_resolved)
        ids.append(r.data.id);
    return ids;
}

void PathResolver::resolve(const QString &projectId, const QStringList &paths) {
    ++m_run;
    m_projectId = projectId;
    m_running = true;
    m_order.clear();
    m_found.clear();
    m_missing.clear();
    m_resolved.clear();
    m_unresolved.clear();
    m_message.clear();
    m_error = ApiError();

    QList<Pending> pending;
    QSet<QString> seen;
    for (const QString &line : paths) {
        const QString input = line.trimmed();
        if (input.isEmpty())
            continue;
        const QString path = normalizedPath(input);
        const QString k = path.isEmpty() ? key(input) : key(path);
        if (seen.contains(k))
            continue; // the same path again: once is enough
        seen.insert(k);
        m_order.append(k);
        if (!looksLikePath(input) || path.isEmpty()) {
            m_missing.insert(k, {input, path.isEmpty() && looksLikePath(input)
                                            ? tr("Not a project path: ICA paths have no "
                                                 "\".\" or \"..\" parts")
                                            : tr("Not a project path: a path starts at the "
                                                 "project root, like /runs/x/sample.bam")});
            continue;
        }
        pending.append({input, path});
    }
    if (projectId.isEmpty() && !pending.isEmpty()) {
        for (const Pending &p : std::as_const(pending))
            m_missing.insert(key(p.path), {p.input, tr("Choose a project first")});
        pending.clear();
    }
    if (pending.isEmpty()) {
        // Report later, as every other outcome is reported.
        const quint64 run = m_run;
        QMetaObject::invokeMethod(
            this,
            [this, run]() {
                if (run == m_run)
                    finish(true);
            },
            Qt::QueuedConnection);
        return;
    }
    StatusNotices::post(tr("Looking up %L1 paths…").arg(pending.size()));
    lookUp(pending, false);
}

void PathResolver::cancel() {
    ++m_run;
    m_running = false;
}

void PathResolver::lookUp(const QList<Pending> &pending, bool asFolder) {
    QStringList paths;
    for (const Pending &p : pending)
        paths.append(asFolder ? p.path + QLatin1Char('/') : p.path);
    const quint64 run = m_run;
    DataLookup::byPaths(m_client, m_projectId, paths, this,
                        [this, run, pending, asFolder](const Result<QList<ProjectData>> &result) {
                            onAnswer(run, pending, asFolder, result);
                        });
}

void PathResolver::onAnswer(quint64 run, const QList<Pending> &pending, bool asFolder,
                            const Result<QList<ProjectData>> &result) {
    if (run != m_run)
        return;
    if (!result.ok()) {
        m_error = result.error;
        m_found.clear();
        m_message = tr("Could not look up the paths: %1").arg(result.error.toString());
        m_running = false;
        Q_EMIT errorOccurred(result.error);
        StatusNotices::post(m_message);
        Q_EMIT finished(false);
        return;
    }
    QHash<QString, QList<ProjectData>> byPath;
    for (const ProjectData &item : *result.value)
        byPath[key(item.path)].append(item);

    QList<Pending> again;
    for (const Pending &p : pending) {
        const QString asked = asFolder ? p.path + QLatin1Char('/') : p.path;
        const QList<ProjectData> matches = byPath.value(key(asked));
        const QString k = key(p.path);
        if (matches.size() == 1) {
            m_found.insert(k, {p.input, matches.first(), asFolder});
            continue;
        }
        if (matches.size() > 1) {
            // FULL_CASE_INSENSITIVE found several spellings: only an exact one decides.
            const auto exact =
                std::find_if(matches.begin(), matches.end(),
                             [&asked](const ProjectData &d) { return d.path == asked; });
            if (exact != matches.end()) {
                m_found.insert(k, {p.input, *exact, asFolder});
            } else {
                QStringList spellings;
                for (const ProjectData &d : matches)
                    spellings.append(d.path);
                m_missing.insert(
                    k, {p.input, tr("Matches %L1 items that differ only in upper and lower "
                                    "case (%2): write the path exactly as ICA shows it")
                                     .arg(matches.size())
                                     .arg(spellings.join(QStringLiteral(", ")))});
            }
            continue;
        }
        if (!asFolder && !p.path.endsWith(QLatin1Char('/'))) {
            again.append(p); // maybe a folder written without its trailing '/'
            continue;
        }
        m_missing.insert(k, {p.input, tr("Not found in this project")});
    }
    if (!again.isEmpty()) {
        lookUp(again, true);
        return;
    }
    finish(true);
}

void PathResolver::finish(bool ok) {
    m_running = false;
    for (const QString &k : std::as_const(m_order)) {
        if (m_found.contains(k))
            m_resolved.append(m_found.value(k));
        else if (m_missing.contains(k))
            m_unresolved.append(m_missing.value(k));
    }
    if (m_unresolved.isEmpty()) {
        m_message = m_resolved.size() == 1 ? tr("The path was found.")
                                           : tr("All %L1 paths were found.").arg(m_resolved.size());
    } else {
        QStringList named;
        for (int i = 0; i < m_unresolved.size() && i < NamedInMessage; ++i)
            named.append(m_unresolved.at(i).input);
        QString list = named.join(QStringLiteral(", "));
        if (m_unresolved.size() > NamedInMessage)
            list += tr(" and %L1 more").arg(m_unresolved.size() - NamedInMessage);
        m_message = tr("%L1 of %L2 lines were not found and are left out of the batch: %3. "
                       "Check them against the browser.")
                        .arg(m_unresolved.size())
                        .arg(m_order.size())
                        .arg(list);
    }
    StatusNotices::post(m_message);
    Q_EMIT finished(ok);
}

} // namespace ica
