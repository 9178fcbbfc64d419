#include "cli/paging.h"

#include "cli/optionvalues.h"

#include <algorithm>

namespace ica::cli {

namespace {
/// Page sizes above this are surely typos; the server refuses far smaller ones.
constexpr qint64 MaximumPageSize = 1000000;
constexpr int DefaultPageSize = 100;
} // namespace

void PagingOptions::addOptions(QCommandLineParser &parser) {
    parser.addOptions({
        {QStringLiteral("page-size"),
         QStringLiteral("Rows per page (default %1; %2 with --all).")
             .arg(DefaultPageSize)
             .arg(1000),
         QStringLiteral("N")},
        {QStringLiteral("offset"),
         QStringLiteral("Offset paging: skip N rows (the default mode, from 0)."),
         QStringLiteral("N")},
        {QStringLiteral("cursor"),
         QStringLiteral("Cursor paging: the page after TOKEN (\"\" for the first page)."),
         QStringLiteral("TOKEN")},
        {QStringLiteral("all"),
         QStringLiteral("Fetch every page, writing rows as they arrive (cursor paging; offset "
                        "paging with several pages in flight when --sort is given, or for a "
                        "finished batch's items).")},
        {QStringLiteral("sort"),
         QStringLiteral("Sort order, e.g. \"name, timeCreated desc\" (offset paging only)."),
         QStringLiteral("FIELDS")},
    });
}

bool PagingOptions::read(const QCommandLineParser &parser, PagingOptions *out, QString *error) {
    PagingOptions options;
    const bool hasOffset = parser.isSet(QStringLiteral("offset"));
    const bool hasCursor = parser.isSet(QStringLiteral("cursor"));
    const bool all = parser.isSet(QStringLiteral("all"));
    if (int(hasOffset) + int(hasCursor) + int(all) > 1) {
        *error = QStringLiteral("--offset, --cursor and --all exclude each other; give one.");
        return false;
    }
    qint64 pageSize = -1;
    if (parser.isSet(QStringLiteral("page-size")) &&
        !parseInteger(QStringLiteral("--page-size"), parser.value(QStringLiteral("page-size")), 1,
                      MaximumPageSize, &pageSize, error))
        return false;

    if (parser.isSet(QStringLiteral("sort"))) {
        options.sort = parser.value(QStringLiteral("sort")).trimmed();
        if (hasCursor) {
            *error = QStringLiteral("--sort works only with offset paging: cursor paging cannot "
                                    "sort. Use --offset N (or --all) with --sort, or drop --sort.");
            return false;
        }
        if (!checkSortSyntax(options.sort, error))
            return false;
    }

    if (all) {
        options.mode = Mode::All;
        options.allInOffsetMode = !options.sort.isEmpty();
        if (pageSize > 0)
            options.allPageSize = int(pageSize);
    } else if (hasCursor) {
        options.page = ica::PageRequest::cursor(parser.value(QStringLiteral("cursor")),
                                                pageSize > 0 ? int(pageSize) : DefaultPageSize);
    } else {
        qint64 offset = 0;
        if (hasOffset &&
            !parseInteger(QStringLiteral("--offset"), parser.value(QStringLiteral("offset")), 0,
                          ica::OffsetPagingRowLimit, &offset, error))
            return false;
        options.page =
            ica::PageRequest::atOffset(offset, pageSize > 0 ? int(pageSize) : DefaultPageSize);
    }
    *out = options;
    return true;
}

StreamPlan PagingOptions::streamPlan(bool frozen) const {
    StreamPlan plan;
    plan.pageSize = allPageSize;
    if (allInOffsetMode) {
        plan.kind = StreamPlan::Kind::Offset;
    } else if (frozen) {
        plan.kind = StreamPlan::Kind::Offset;
        plan.exact = true;
        plan.cursorAboveLimit = true;
    }
    return plan;
}

QString pagingHelp() {
    return QStringLiteral(
        "Paging: without --offset, --cursor or --all one page is listed from offset 0, and "
        "where the next page starts is said on stderr. Offset paging can sort but stops at "
        "200,000 rows and may repeat rows; cursor paging is complete and unique but cannot "
        "sort.\n\nOutput is streamed: rows are written as each page arrives, so memory stays "
        "small at any size. json is one array in the API's shape (an item a line); jsonl is "
        "one compact item a line, for pipelines; csv and table print a header first (the "
        "table sizes its columns on the first page). If a page fails after rows were "
        "written, the error says the output is incomplete (a json array is left open). "
        "A reader that stops early (icatag ... | head) ends icatag quietly with exit 0.");
}

QString nextPageHint(const ica::PageRequest &request, const ica::PageInfo &info,
                     qsizetype rowsOnPage) {
    if (request.mode == ica::PageRequest::Mode::Cursor) {
        if (!info.hasMore())
            return {};
        QString more;
        if (info.remainingRecords)
            more = QStringLiteral(" (about %1 more rows)").arg(*info.remainingRecords);
        return QStringLiteral("next page%1: --cursor '%2'").arg(more, info.nextPageToken);
    }
    const qint64 end = request.offset + rowsOnPage;
    if (!info.totalItemCount) {
        if (rowsOnPage < request.pageSize)
            return {};
        return QStringLiteral("next page: --offset %1").arg(end);
    }
    const qint64 total = std::max(*info.totalItemCount, end);
    if (rowsOnPage == 0)
        return QStringLiteral("no rows at offset %1 (%2 in all)").arg(request.offset).arg(total);
    const QString rows =
        QStringLiteral("rows %1-%2 of %3").arg(request.offset + 1).arg(end).arg(total);
    if (end >= total)
        return rows;
    return rows + QStringLiteral("; next page: --offset %1").arg(end);
}

} // namespace ica::cli
