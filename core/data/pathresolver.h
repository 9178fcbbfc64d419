#pragma once

#include "core/api/apierror.h"
#include "core/api/apiresult.h"
#include "core/domain/projectdata.h"

#include <QHash>
#include <QObject>

namespace ica {

class ApiClient;

/// A path that was found: the line as given and the item it names.
struct ResolvedPath {
    QString input;         ///< the path as given (trimmed)
    ProjectData data;      ///< the item; data.path is ICA's own spelling
    bool asFolder = false; ///< found only as a folder (a '/' was added to the input)
};

/// A line that is not in the batch, and why.
struct UnresolvedPath {
    QString input;
    QString reason;
};

/// Turns project paths ("/runs/x/sample.bam", folders "/runs/x/") into data IDs, so
/// the composer takes paths as well as IDs. Paths are matched ignoring case, as ICA's
/// FULL_CASE_INSENSITIVE path filter does, several per listing call (repeated
/// filePath parameters, chunked to keep URLs short; see DataLookup). A path without
/// a trailing '/' that names no file is tried again as a folder. Paths that are not
/// found, or that match several items differing only in case, are reported with a
/// reason and kept out of the batch.
class PathResolver final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PathResolver)
public:
    /// `client` is not owned and must outlive the resolver.
    explicit PathResolver(ApiClient *client, QObject *parent = nullptr);

    /// True for a line that reads as a project path: starts with '/', names more than
    /// the root, no line breaks or tabs, not a URL.
    [[nodiscard]] static bool looksLikePath(const QString &line);
    /// Trimmed, repeated '/' collapsed, a trailing '/' kept; empty when the path has
    /// "." or ".." segments.
    [[nodiscard]] static QString normalizedPath(const QString &line);

    /// Resolves `paths` in `projectId`; finished() follows. Cancels a run in progress.
    void resolve(const QString &projectId, const QStringList &paths);
    /// Stops; nothing more is reported for this run.
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }

    /// In input order (repeats of a path left out).
    [[nodiscard]] const QList<ResolvedPath> &resolved() const { return m_resolved; }
    [[nodiscard]] const QList<UnresolvedPath> &unresolved() const { return m_unresolved; }
    /// The resolved data IDs, in input order.
    [[nodiscard]] QStringList dataIds() const;
    /// The outcome in a sentence, naming the paths left out.
    [[nodiscard]] const QString &message() const { return m_message; }
    [[nodiscard]] const ApiError &error() const { return m_error; }

Q_SIGNALS:
    /// ok: every lookup was answered (some paths may still be unresolved); false: a call
    /// failed (error()) and nothing is resolved.
    void finished(bool ok);
    void errorOccurred(const ica::ApiError &error);

private:
    struct Pending {
        QString input;
        QString path; ///< normalized
    };
    void lookUp(const QList<Pending> &pending, bool asFolder);
    void onAnswer(quint64 run, const QList<Pending> &pending, bool asFolder,
                  const Result<QList<ProjectData>> &result);
    void finish(bool ok);

    ApiClient *m_client;
    QString m_projectId;
    quint64 m_run = 0;
    bool m_running = false;
    QList<QString> m_order; ///< normalized paths (lower case) in input order
    QHash<QString, ResolvedPath> m_found;
    QHash<QString, UnresolvedPath> m_missing;
    QList<ResolvedPath> m_resolved;
    QList<UnresolvedPath> m_unresolved;
    QString m_message;
    ApiError m_error;
};

} // namespace ica
