#pragma once

#include "cli/command.h"
#include "cli/rowwriter.h"
#include "core/rows/pagestream.h"

#include "core/api/pagecollector.h"
#include "core/api/queries.h"

#include <QCommandLineParser>

namespace ica::cli {

using ica::PageStream;
using ica::StreamEnd;
using ica::StreamPlan;

/// The paging options every listing shares: --page-size, --offset, --cursor,
/// --all and --sort, checked together.
struct PagingOptions {
    enum class Mode {
        SinglePage, ///< one page: offset mode (from --offset or 0), or cursor mode with --cursor
        All,        ///< every page, streamed (PageStream)
    };
    Mode mode = Mode::SinglePage;
    ica::PageRequest page; ///< the single page to fetch
    int allPageSize = 1000;
    bool allInOffsetMode = false; ///< --all with --sort: offset pages in flight in parallel
    QString sort;

    static void addOptions(QCommandLineParser &parser);
    /// Reads and cross-checks the options; false with a usage message.
    static bool read(const QCommandLineParser &parser, PagingOptions *out, QString *error);

    /// How `--all` pages: offset pages in flight with --sort (repeated rows dropped);
    /// otherwise, for a listing that no longer changes (`frozen`), offset pages in
    /// flight with exact checks, by cursor above offset paging's limit; else cursor.
    [[nodiscard]] StreamPlan streamPlan(bool frozen) const;
};

/// Help text about paging, shared by the listing commands.
[[nodiscard]] QString pagingHelp();

/// Fetches one page of a listing with the client it is given (known only at start()).
template <typename T>
using ClientPageFetcher = std::function<ica::ApiCall *(
    ica::ApiClient *, const ica::PageRequest &, QObject *, ica::ResultCallback<ica::Page<T>>)>;

/// Where the next page starts, said on stderr after a single page so a person or a
/// script can ask for it; nothing when this was the last page.
[[nodiscard]] QString nextPageHint(const ica::PageRequest &request, const ica::PageInfo &info,
                                   qsizetype rowsOnPage);

/// Tells whether a listing no longer changes (a batch whose job is terminal), read
/// before `--all` pages it: true lets offset pages go several in flight with exact
/// checks (StreamPlan::exact).
using FrozenCheck =
    std::function<ica::ApiCall *(ica::ApiClient *, QObject *, ica::ResultCallback<bool>)>;

/// Lists one page or all pages of any ICA listing and streams the rows to standard
/// output as the pages arrive (RowWriter), in page order. A reader that goes away
/// (`| head`) ends the command quietly with success; a failure after some rows were
/// written says on stderr that the output is incomplete.
template <typename T> class ListCommand final : public Command {
public:
    ListCommand(PagingOptions paging, ClientPageFetcher<T> fetch, QList<Column<T>> columns,
                FrozenCheck frozen = {})
        : m_paging(std::move(paging))
        , m_fetch(std::move(fetch))
        , m_columns(std::move(columns))
        , m_frozen(std::move(frozen)) {}

    void start() override {
        m_writer = std::make_unique<RowWriter<T>>(console(), format(), m_columns);
        if (m_paging.mode == PagingOptions::Mode::All) {
            if (m_paging.allInOffsetMode || !m_frozen) {
                streamAll(m_paging.streamPlan(false));
                return;
            }
            m_frozen(client(), this, [this](const ica::Result<bool> &frozen) {
                if (!frozen.ok()) {
                    finishWithApiError(frozen.error);
                    return;
                }
                streamAll(m_paging.streamPlan(*frozen.value));
            });
            return;
        }
        m_fetch(client(), m_paging.page, this, [this](const ica::Result<ica::Page<T>> &result) {
            if (!result.ok()) {
                finishWithApiError(result.error);
                return;
            }
            if (auto error = ica::PageGuard::checkPageSize(result.value->items.size(),
                                                           m_paging.page.pageSize)) {
                finishWithApiError(*error);
                return;
            }
            m_writer->writePage(result.value->items);
            if (!finishOutput())
                return;
            const QString hint =
                nextPageHint(m_paging.page, result.value->info, result.value->items.size());
            if (!hint.isEmpty())
                console().errLine(QStringLiteral("icatag: ") + hint);
            finishSuccess();
        });
    }

private:
    void streamAll(const StreamPlan &plan) {
        ica::ApiClient *apiClient = client();
        ClientPageFetcher<T> fetch = m_fetch;
        PageStream<T>::start(
            [apiClient, fetch](const ica::PageRequest &page, QObject *context,
                               ica::ResultCallback<ica::Page<T>> done) {
                return fetch(apiClient, page, context, std::move(done));
            },
            plan, this, [this](const QList<T> &rows) { return m_writer->writePage(rows); },
            [this](const StreamEnd &end) {
                if (end.error && outputState() == Console::OutputState::Open) {
                    finishWithApiError(*end.error);
                    if (m_writer->rowsWritten() > 0)
                        console().errLine(incompleteNote());
                    return;
                }
                if (finishOutput())
                    finishSuccess();
            });
    }

    [[nodiscard]] Console::OutputState outputState() const { return console().outputState(); }

    /// Ends the output; false when the command finished because standard output is
    /// gone (its reader left: success, quietly) or failed.
    bool finishOutput() {
        if (outputState() == Console::OutputState::Open)
            m_writer->finish();
        switch (outputState()) {
        case Console::OutputState::Open:
            return true;
        case Console::OutputState::Closed:
            // `icatag ... | head`: the reader has what it wanted.
            finish(ExitSuccess);
            return false;
        case Console::OutputState::Failed:
            finishWithError(ExitFailure,
                            QStringLiteral("writing to standard output failed after %1 rows "
                                           "(is the disk full?); the output is incomplete.")
                                .arg(m_writer->rowsWritten()));
            return false;
        }
        return false;
    }

    [[nodiscard]] QString incompleteNote() const {
        QString note =
            QStringLiteral("icatag: error: the output above is incomplete: %1 rows were written "
                           "before the listing failed")
                .arg(m_writer->rowsWritten());
        if (format() == OutputFormat::Json)
            note += QStringLiteral(" (the JSON array is left open, so no parser takes it whole)");
        return note + QLatin1Char('.');
    }

    PagingOptions m_paging;
    ClientPageFetcher<T> m_fetch;
    QList<Column<T>> m_columns;
    FrozenCheck m_frozen;
    std::unique_ptr<RowWriter<T>> m_writer;
};

} // namespace ica::cli
