#include "core/composer/draftpathresolution.h"

#include "core/api/apiclient.h"
#include "core/composer/idlistparser.h"
#include "core/data/pathresolver.h"
#include "core/diagnostics/statusnotices.h"

#include <algorithm>

namespace ica {

namespace {

using Severity = ValidationIssue::Severity;

/// Paths named in a message at most; the rest are counted.
constexpr int NamedInMessage = 3;

/// How results are keyed: matched ignoring case, as PathResolver matches.
QString pathKey(const QString &token) {
    const QString normalized = PathResolver::normalizedPath(token);
    return (normalized.isEmpty() ? token.trimmed() : normalized).toLower();
}

/// "a, b, c and 2 more"
QString nameSome(const QStringList &names) {
    QString text = names.mid(0, NamedInMessage).join(QStringLiteral(", "));
    if (names.size() > NamedInMessage)
        text =
            DraftPathResolution::tr("%1 and %L2 more").arg(text).arg(names.size() - NamedInMessage);
    return text;
}

QString lowerFirst(QString text) {
    if (!text.isEmpty())
        text[0] = text.at(0).toLower();
    return text;
}

} // namespace

DraftPathResolution::DraftPathResolution(QObject *parent)
    : QObject(parent) {}

DraftPathResolution::~DraftPathResolution() = default;

void DraftPathResolution::setClient(ApiClient *client) {
    if (client && client == m_client.data())
        return;
    dropClient();
    if (!client)
        return;
    m_client = client;
    m_resolver = new PathResolver(client, this);
    connect(m_resolver, &PathResolver::finished, this, &DraftPathResolution::onFinished);
    // The resolver must not outlive its client: a profile's client may go first.
    m_clientGone = connect(client, &QObject::destroyed, this, [this]() { dropClient(); });
}

void DraftPathResolution::dropClient() {
    forget();
    disconnect(m_clientGone);
    delete m_resolver; // its answers, if any, are dropped with it (DataLookup's context)
    m_resolver = nullptr;
    m_client = nullptr;
}

void DraftPathResolution::setProjectId(const QString &projectId) {
    if (projectId == m_projectId)
        return;
    forget();
    m_projectId = projectId;
}

void DraftPathResolution::forget() {
    if (m_resolver)
        m_resolver->cancel();
    m_found.clear();
    m_missing.clear();
    m_inFlight.clear();
    m_next.clear();
    m_error = ApiError();
    m_failedDraft = DraftDocument();
}

bool DraftPathResolution::canLookUp() const {
    return m_resolver && m_client && !m_projectId.isEmpty();
}

bool DraftPathResolution::isResolving() const {
    return (m_resolver && m_resolver->isRunning()) || !m_next.isEmpty();
}

void DraftPathResolution::update(const DraftDocument &draft) {
    m_lastDraft = draft;
    if (m_error.isError()) {
        // Retrying at once would loop (changed() makes the composer update again) and
        // hammer a server that just failed: wait for the user to change something.
        if (draft == m_failedDraft)
            return;
        m_error = ApiError();
        m_failedDraft = DraftDocument();
    }
    if (!canLookUp())
        return;
    QStringList wanted;
    QSet<QString> seen;
    for (const DataUpdateGroup &group : draft.groups) {
        for (const QString &token : group.dataIds) {
            if (!IdListParser::isPath(token))
                continue;
            const QString key = pathKey(token);
            if (seen.contains(key) || m_found.contains(key) || m_missing.contains(key) ||
                m_inFlight.contains(key))
                continue;
            seen.insert(key);
            wanted.append(token);
        }
    }
    if (m_resolver->isRunning()) {
        m_next = wanted; // the latest draft's unknown paths; older wishes are moot
        return;
    }
    if (!wanted.isEmpty())
        start(wanted);
}

void DraftPathResolution::start(const QStringList &paths) {
    m_inFlight.clear();
    for (const QString &path : paths)
        m_inFlight.insert(pathKey(path));
    StatusNotices::post(paths.size() == 1 ? tr("Looking up 1 path…")
                                          : tr("Looking up %L1 paths…").arg(paths.size()));
    m_resolver->resolve(m_projectId, paths);
}

void DraftPathResolution::onFinished(bool ok) {
    m_inFlight.clear();
    if (!ok) {
        m_error = m_resolver->error();
        m_next.clear();
        m_failedDraft = m_lastDraft;
        StatusNotices::post(m_resolver->message());
        Q_EMIT changed();
        return;
    }
    for (const ResolvedPath &r : m_resolver->resolved())
        m_found.insert(pathKey(r.input), r.data.id);
    for (const UnresolvedPath &u : m_resolver->unresolved())
        m_missing.insert(pathKey(u.input), u.reason);
    StatusNotices::post(m_resolver->message());
    QStringList next;
    for (const QString &path : std::as_const(m_next)) {
        const QString key = pathKey(path);
        if (!m_found.contains(key) && !m_missing.contains(key))
            next.append(path);
    }
    m_next.clear();
    if (!next.isEmpty())
        start(next);
    Q_EMIT changed();
}

DraftDocument DraftPathResolution::resolved(const DraftDocument &draft) const {
    DraftDocument copy = draft;
    for (DataUpdateGroup &group : copy.groups) {
        if (std::none_of(group.dataIds.cbegin(), group.dataIds.cend(), &IdListParser::isPath))
            continue;         // the common case: nothing to replace, the list stays shared
        QSet<QString> listed; // typed IDs, then IDs already named by a path
        for (const QString &token : std::as_const(group.dataIds))
            if (!IdListParser::isPath(token))
                listed.insert(token);
        QStringList ids;
        ids.reserve(group.dataIds.size());
        for (const QString &token : std::as_const(group.dataIds)) {
            if (!IdListParser::isPath(token)) {
                ids.append(token);
                continue;
            }
            const QString id = m_found.value(pathKey(token));
            if (id.isEmpty() || listed.contains(id))
                continue;
            listed.insert(id);
            ids.append(id);
        }
        group.dataIds = ids;
    }
    return copy;
}

QList<ValidationIssue> DraftPathResolution::issues(const DraftDocument &draft) const {
    QList<ValidationIssue> found;
    for (int g = 0; g < draft.groups.size(); ++g) {
        QStringList pending, failed, missing, missingNamed;
        QSet<QString> seen;
        for (const QString &token : draft.groups.at(g).dataIds) {
            if (!IdListParser::isPath(token))
                continue;
            const QString key = pathKey(token);
            if (seen.contains(key) || m_found.contains(key))
                continue;
            seen.insert(key);
            if (m_missing.contains(key)) {
                missing.append(token);
                missingNamed.append(tr("%1 (%2)").arg(token, lowerFirst(m_missing.value(key))));
            } else if (m_error.isError()) {
                failed.append(token); // nothing runs until the draft changes
            } else {
                pending.append(token);
            }
        }
        if (!pending.isEmpty()) {
            const qsizetype n = pending.size();
            QString message;
            if (!m_client)
                message = n == 1 ? tr("1 path is looked up once a profile is chosen.")
                                 : tr("%L1 paths are looked up once a profile is chosen.").arg(n);
            else if (m_projectId.isEmpty())
                message = n == 1 ? tr("1 path is looked up once a project is chosen.")
                                 : tr("%L1 paths are looked up once a project is chosen.").arg(n);
            else
                message = n == 1 ? tr("Looking up 1 path… submit waits until it is resolved.")
                                 : tr("Looking up %L1 paths… submit waits until they are "
                                      "resolved.")
                                       .arg(n);
            found.append(ValidationIssue{Severity::Error, IssueCode::PathsPending, g,
                                         DraftField::DataIds, message, pending, IssueFix::None});
        }
        if (!failed.isEmpty())
            found.append(ValidationIssue{
                Severity::Error, IssueCode::PathLookupFailed, g, DraftField::DataIds,
                tr("Could not look up %1 (%2). Change the draft to try again.")
                    .arg(failed.size() == 1 ? tr("1 path") : tr("%L1 paths").arg(failed.size()),
                         m_error.toString()),
                failed, IssueFix::None});
        if (!missing.isEmpty())
            found.append(ValidationIssue{
                Severity::Warning, IssueCode::PathsUnresolved, g, DraftField::DataIds,
                missing.size() == 1
                    ? tr("1 path was not found and is left out of the batch: %1; check the "
                         "spelling or remove it.")
                          .arg(nameSome(missingNamed))
                    : tr("%L1 paths were not found and are left out of the batch: %2; check "
                         "the spelling or remove them.")
                          .arg(missing.size())
                          .arg(nameSome(missingNamed)),
                missing, IssueFix::None});
    }
    return found;
}

ValidationReport DraftPathResolution::validate(const DraftDocument &draft,
                                               const DraftValidator::Options &options) const {
    return merge(DraftValidator::validate(resolved(draft), options), issues(draft));
}

ValidationReport DraftPathResolution::merge(ValidationReport report,
                                            const QList<ValidationIssue> &own) {
    if (own.isEmpty())
        return report;
    QSet<int> waiting;
    for (const ValidationIssue &issue : own)
        if (issue.code == IssueCode::PathsPending || issue.code == IssueCode::PathLookupFailed)
            waiting.insert(issue.group);
    report.issues.erase(std::remove_if(report.issues.begin(), report.issues.end(),
                                       [&waiting](const ValidationIssue &issue) {
                                           return issue.code == IssueCode::EmptyGroup &&
                                                  waiting.contains(issue.group);
                                       }),
                        report.issues.end());
    report.issues.append(own);
    report.sortIssues();
    return report;
}

} // namespace ica
