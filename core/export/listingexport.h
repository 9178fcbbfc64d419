#pragma once

#include "core/api/apicall.h"
#include "core/api/pagecollector.h"
#include "core/export/exportfile.h"
#include "core/export/rowtext.h"
#include "core/rows/pagestream.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace ica {

/// Exports a whole listing (a batch's items, a folder of the browser) to a CSV or
/// JSON file: every page is fetched through PageStream, turned into text by RowText
/// (the same JSON and CSV as icatag's --output json|csv) and written by ExportFile
/// (a temporary file, renamed over the target only when everything was written).
/// Holds one page or two at a time, never the listing: fetching waits while the
/// file is more than a couple of pages behind. A cancel or an error leaves no file
/// (and no temporary file); a file that was there before stays as it was.
///
/// Never blocks its thread: pages are formatted there a page at a time (well under
/// a frame for a page of 1,000 rows), the disk is written on ExportFile's thread.
class ListingExport final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListingExport)
public:
    enum class Outcome { Written, Cancelled, Failed };
    Q_ENUM(Outcome)

    /// Page requests sent while the file is this many bytes behind wait for it.
    static constexpr qint64 MaxPendingBytes = 4 * 1024 * 1024;

    explicit ListingExport(QObject *parent = nullptr);
    /// Cancels a running export (its temporary file is removed).
    ~ListingExport() override;

    /// JSON for a path ending in ".json" (any case), CSV otherwise.
    [[nodiscard]] static RowTextFormat formatForPath(const QString &path);

    /// Starts exporting to `path`, in `format`, the rows `fetch` pages through as
    /// `plan` says; `keep`, when set, leaves rows out (the listed folder itself in a
    /// recursive listing). Ignored while an export runs.
    template <typename T>
    void start(const QString &path, RowTextFormat format, PageFetcher<T> fetch,
               const StreamPlan &plan, const QList<RowColumn<T>> &columns,
               std::function<bool(const T &)> keep = {}) {
        if (isRunning())
            return;
        begin(path);
        const quint64 run = m_serial;
        auto text = std::make_shared<RowText<T>>(format, columns);
        PageStream<T>::start(
            wrapFetch(std::move(fetch)), plan, m_run,
            [this, run, text, keep](const QList<T> &rows) {
                if (!isLive(run))
                    return false;
                QByteArray bytes;
                if (keep) {
                    QList<T> kept;
                    kept.reserve(rows.size());
                    for (const T &row : rows) {
                        if (keep(row))
                            kept.append(row);
                    }
                    text->appendPage(bytes, kept);
                    queueWrite(bytes, kept.size());
                } else {
                    text->appendPage(bytes, rows);
                    queueWrite(bytes, rows.size());
                }
                return true;
            },
            [this, run, text](const StreamEnd &end) {
                if (!isLive(run))
                    return; // cancelled or failed: said already
                if (end.error) {
                    failWith(streamErrorMessage(*end.error));
                    return;
                }
                QByteArray bytes;
                text->appendEnd(bytes);
                m_file->write(bytes, 0);
                m_file->commit();
            });
    }

    /// Stops fetching and removes the temporary file; finished(Cancelled) follows
    /// once it is gone. No effect when no export runs (or it is ending already).
    void cancel();

    /// From start() until finished() (a cancel or a failure ends once the
    /// temporary file is gone).
    [[nodiscard]] bool isRunning() const { return m_running || m_ending.has_value(); }
    [[nodiscard]] QString path() const { return m_path; }
    /// Rows in the file so far.
    [[nodiscard]] qint64 rowsWritten() const { return m_rowsWritten; }
    /// Rows the listing holds: the server's total (or its estimate while paging by
    /// cursor); -1 while unknown.
    [[nodiscard]] qint64 expectedRows() const { return m_expected; }

Q_SIGNALS:
    /// After every page that reached the file.
    void progress(qint64 rowsWritten, qint64 expectedRows);
    /// The export ended; `message` says what happened in a sentence for the user
    /// (empty when cancelled).
    void finished(ica::ListingExport::Outcome outcome, const QString &message);

private:
    void begin(const QString &path);
    void queueWrite(const QByteArray &bytes, qint64 rows);
    /// Ends with Failed: stops fetching and discards the file.
    void failWith(const QString &message);
    /// Stops, discards the file and emits finished() once it is gone.
    void end(Outcome outcome, const QString &message);
    /// Stops fetching (calls in flight are cancelled, waiting requests dropped).
    void stopFetching();
    /// The run `run` is the current one and still fetching.
    [[nodiscard]] bool isLive(quint64 run) const { return m_running && run == m_serial; }
    void onWritten(qint64 rows);
    void runWaitingRequests();
    [[nodiscard]] QString streamErrorMessage(const ApiError &error) const;
    /// Notes the listing's size from a page's paging information.
    void noteExpected(const PageInfo &info, qint64 rowsOnPage, bool offset);

    /// `fetch` with the run's bookkeeping: the listing's size noted from each
    /// page, the calls kept for cancel(), requests held back while the file is
    /// behind, and nothing sent for a run that ended.
    template <typename T> PageFetcher<T> wrapFetch(PageFetcher<T> fetch) {
        const quint64 run = m_serial;
        return [this, run, fetch = std::move(fetch)](const PageRequest &page, QObject *context,
                                                     ResultCallback<Page<T>> done) -> ApiCall * {
            if (!isLive(run))
                return nullptr;
            const bool offset = page.mode == PageRequest::Mode::Offset;
            auto send = [this, run, fetch, page, context, done, offset]() {
                auto noted = [this, run, done, offset](const Result<Page<T>> &r) {
                    if (r.ok() && isLive(run))
                        noteExpected(r.value->info, r.value->items.size(), offset);
                    done(r);
                };
                ApiCall *call = fetch(page, context, std::move(noted));
                m_calls.removeIf([](const QPointer<ApiCall> &c) { return c.isNull(); });
                if (call)
                    m_calls.append(call);
            };
            // Backpressure: while the disk is behind, the request waits for it.
            if (m_file->pendingBytes() > MaxPendingBytes)
                m_waiting.append(std::move(send));
            else
                send();
            return nullptr; // PageStream does not keep the calls; this class does
        };
    }

    ExportFile *m_file = nullptr;
    QObject *m_run = nullptr; ///< context of the current run's calls; deleted to stop
    QList<QPointer<ApiCall>> m_calls;
    QList<std::function<void()>> m_waiting;
    QString m_path;
    bool m_running = false;
    quint64 m_serial = 0; ///< the current run; late answers of older ones are dropped
    /// Cancelled or failed: finished() waits for the file's discarded().
    std::optional<std::pair<Outcome, QString>> m_ending;
    qint64 m_rowsWritten = 0;
    qint64 m_rowsFetched = 0;
    qint64 m_expected = -1;
};

} // namespace ica
