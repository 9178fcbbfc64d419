#pragma once

#include "core/api/apierror.h"
#include "core/api/apiresult.h"
#include "core/browser/datafilter.h"
#include "core/domain/projectdata.h"

#include <QObject>
#include <QPointer>

namespace ica {

class ApiCall;
class ApiClient;

/// "Select everything that matches": reads every item the browser's question
/// (folder + filter) matches, across all pages, with cursor paging (complete and
/// unique), and hands over their IDs, paths and current tags for the composer.
/// Progress after each page; cancel() at any time. Refuses, with a message that
/// says what to do, when more items match than one batch may hold (ICA allows at
/// most 100,000 data IDs per batch).
class MatchCollector final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MatchCollector)
public:
    /// ICA's limit of data IDs in one batch.
    static constexpr qint64 DefaultLimit = 100000;
    static constexpr int DefaultPageSize = 1000;

    enum class Outcome {
        None, ///< never started
        Running,
        Done,          ///< matches() holds every match
        Cancelled,     ///< cancel() was called; matches() is empty
        LimitExceeded, ///< more than limit() items match; matches() is empty
        Failed,        ///< a call failed (error()); matches() is empty
    };
    Q_ENUM(Outcome)

    /// `client` is not owned and must outlive the collector.
    explicit MatchCollector(ApiClient *client, QObject *parent = nullptr);
    ~MatchCollector() override;

    void setLimit(qint64 limit) { m_limit = limit; }
    [[nodiscard]] qint64 limit() const { return m_limit; }
    /// Rows per page, 1..1000.
    void setPageSize(int size) { m_pageSize = qBound(1, size, 1000); }

    /// Starts collecting what `filter` matches in `folderPath` (below it, when the
    /// filter is a recursive listing). Cancels a collection in progress.
    void start(const QString &projectId, const QString &folderPath, const DataFilter &filter);
    /// Stops at once; finished(Cancelled) follows.
    void cancel();

    [[nodiscard]] bool isRunning() const { return m_outcome == Outcome::Running; }
    [[nodiscard]] Outcome outcome() const { return m_outcome; }
    /// Every match, in the server's order (only when outcome() is Done).
    [[nodiscard]] const QList<ProjectData> &matches() const { return m_matches; }
    [[nodiscard]] QStringList dataIds() const;
    /// Items read so far (also while running).
    [[nodiscard]] qint64 fetchedCount() const { return m_fetched; }
    /// What happened, as a sentence for the user (empty while running).
    [[nodiscard]] const QString &message() const { return m_message; }
    [[nodiscard]] const ApiError &error() const { return m_error; }

Q_SIGNALS:
    /// After each page: items read and ICA's estimate of the total (-1: unknown).
    void progress(qint64 fetched, qint64 expectedTotal);
    void finished(ica::MatchCollector::Outcome outcome);
    /// The data of the matches, for TagCatalog::learnData().
    void dataReceived(const QList<ica::ProjectData> &items);

private:
    void onProgress(quint64 run, qint64 fetched, qint64 total);
    void onDone(quint64 run, const Result<QList<ProjectData>> &result);
    void finish(Outcome outcome, const QString &message);

    ApiClient *m_client;
    qint64 m_limit = DefaultLimit;
    int m_pageSize = DefaultPageSize;
    quint64 m_run = 0;
    bool m_stopRequested = false;
    QPointer<ApiCall> m_call;
    QString m_folderPath;
    bool m_recursive = false;
    Outcome m_outcome = Outcome::None;
    QList<ProjectData> m_matches;
    qint64 m_fetched = 0;
    QString m_message;
    ApiError m_error;
};

} // namespace ica
