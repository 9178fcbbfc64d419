#pragma once

#include "core/api/apierror.h"
#include "core/composer/draftdocument.h"
#include "core/composer/draftvalidator.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

namespace ica {

class ApiClient;
class PathResolver;

/// Lets a draft's ID lists hold project paths ("/runs/x/sample.bam", folders
/// "/runs/x/") as well as data IDs. The draft keeps what the user typed; this class
/// looks the paths up in the project (PathResolver, one run at a time, results kept
/// until the project or client changes) and gives the copy that is validated, shown
/// and sent: paths replaced by their data IDs, paths that name nothing left out, with
/// issues saying which paths wait, which were not found, and which lookups failed.
/// Paths are matched ignoring case (keys are PathResolver::normalizedPath lower-cased).
class DraftPathResolution final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DraftPathResolution)
public:
    explicit DraftPathResolution(QObject *parent = nullptr);
    ~DraftPathResolution() override;

    /// The client lookups go through (not owned; null: nothing is looked up). Another
    /// client forgets what was learned and stops a run. Does not emit changed().
    void setClient(ApiClient *client);
    /// The project paths are looked up in. Another project forgets what was learned
    /// and stops a run. Does not emit changed().
    void setProjectId(const QString &projectId);
    [[nodiscard]] const QString &projectId() const { return m_projectId; }

    /// Looks up the paths of `draft`'s groups not known yet: at once, or after the run
    /// in progress. After a failed lookup, nothing is retried until the draft changes.
    void update(const DraftDocument &draft);
    /// A lookup is running (or waits for the running one).
    [[nodiscard]] bool isResolving() const;

    /// A copy of `draft` in which each group's path tokens are replaced by their data
    /// IDs, in place; paths not found or not looked up yet are left out, and so is a
    /// path's ID when the group already lists it (typed, or named by another path) —
    /// a repeat the user could not remove from the text by dropping duplicates.
    [[nodiscard]] DraftDocument resolved(const DraftDocument &draft) const;
    /// Per group, at DraftField::DataIds: PathsPending (Error) while paths wait,
    /// PathLookupFailed (Error) after a failed call, PathsUnresolved (Warning) naming
    /// the paths left out and why.
    [[nodiscard]] QList<ValidationIssue> issues(const DraftDocument &draft) const;
    /// DraftValidator's report of resolved(draft) with issues(draft) merged in, in the
    /// validator's order. A group whose paths are still being looked up (or failed) is
    /// not also reported as empty: the pending error says why it has no IDs yet.
    [[nodiscard]] ValidationReport validate(const DraftDocument &draft,
                                            const DraftValidator::Options &options = {}) const;
    /// `report` (the validator's, of resolved()) with `own` (issues()) merged in, as
    /// validate() does; a pure function, so a worker thread may call it.
    [[nodiscard]] static ValidationReport merge(ValidationReport report,
                                                const QList<ValidationIssue> &own);

Q_SIGNALS:
    /// Lookup results (or a failure) arrived: resolved() and issues() changed.
    void changed();

private:
    void forget();
    void dropClient();
    void start(const QStringList &paths);
    void onFinished(bool ok);
    [[nodiscard]] bool canLookUp() const;

    QPointer<ApiClient> m_client;
    QMetaObject::Connection m_clientGone;
    PathResolver *m_resolver = nullptr;
    QString m_projectId;
    QHash<QString, QString> m_found;   ///< key -> data ID
    QHash<QString, QString> m_missing; ///< key -> why it is not in the batch
    QSet<QString> m_inFlight;          ///< keys of the running lookup
    QStringList m_next;                ///< paths for the run after this one
    DraftDocument m_lastDraft;         ///< as given to the last update()
    ApiError m_error;                  ///< the last run failed with this
    DraftDocument m_failedDraft;       ///< the draft when it failed (retry after a change)
};

} // namespace ica
