#pragma once

#include "command.h"

#include "api/pagecollector.h"
#include "api/queries.h"

#include <QCommandLineParser>

namespace icacli {

/// The paging options every listing shares: --page-size, --offset, --cursor,
/// --all and --sort, checked together.
struct PagingOptions {
    enum class Mode {
        SinglePage, ///< one page: offset mode (from --offset or 0), or cursor mode with --cursor
        All,        ///< every page through collectAllPages
    };
    Mode mode = Mode::SinglePage;
    ica::PageRequest page; ///< the single page to fetch
    int allPageSize = 1000;
    bool allInOffsetMode = false; ///< --all with --sort: offset pages in flight in parallel
    QString sort;

    static void addOptions(QCommandLineParser &parser);
    /// Reads and cross-checks the options; false with a usage message.
    static bool read(const QCommandLineParser &parser, PagingOptions *out, QString *error);

    [[nodiscard]] ica::CollectOptions collectOptions() const;
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

/// Lists one page or all pages of any ICA listing and prints the rows.
template <typename T> class ListCommand final : public Command {
public:
    ListCommand(PagingOptions paging, ClientPageFetcher<T> fetch, QList<Column<T>> columns)
        : m_paging(std::move(paging))
        , m_fetch(std::move(fetch))
        , m_columns(std::move(columns)) {}

    void start() override {
        ica::ApiClient *apiClient = client();
        ClientPageFetcher<T> fetch = m_fetch;
        if (m_paging.mode == PagingOptions::Mode::All) {
            ica::PageFetcher<T> pageFetcher =
                [apiClient, fetch](const ica::PageRequest &page, QObject *context,
                                   ica::ResultCallback<ica::Page<T>> done) {
                    return fetch(apiClient, page, context, std::move(done));
                };
            ica::collectAllPages<T>(pageFetcher, m_paging.collectOptions(), this,
                                    [this](const ica::Result<QList<T>> &result) {
                                        if (!result.ok()) {
                                            finishWithApiError(result.error);
                                            return;
                                        }
                                        printer().printList(*result.value, m_columns);
                                        finishSuccess();
                                    });
            return;
        }
        fetch(apiClient, m_paging.page, this, [this](const ica::Result<ica::Page<T>> &result) {
            if (!result.ok()) {
                finishWithApiError(result.error);
                return;
            }
            if (auto error = ica::PageGuard::checkPageSize(result.value->items.size(),
                                                           m_paging.page.pageSize)) {
                finishWithApiError(*error);
                return;
            }
            printer().printList(result.value->items, m_columns);
            const QString hint =
                nextPageHint(m_paging.page, result.value->info, result.value->items.size());
            if (!hint.isEmpty())
                console().errLine(QStringLiteral("icatag: ") + hint);
            finishSuccess();
        });
    }

private:
    PagingOptions m_paging;
    ClientPageFetcher<T> m_fetch;
    QList<Column<T>> m_columns;
};

} // namespace icacli
