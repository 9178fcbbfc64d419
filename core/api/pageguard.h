#pragma once

#include "core/api/apierror.h"
#include "core/domain/page.h"

#include <QSet>
#include <QString>

#include <optional>

namespace ica {

/// Rows collectAllPages() gathers at most by default: far above any real listing a
/// person reads through icatag or the app, far below what exhausts memory.
inline constexpr qint64 DefaultMaxCollectedRows = 5000000;

/// Keeps a listing that pages to the end from looping or ballooning when the server
/// misbehaves: a cursor token seen before, a page repeated whole, a page larger than
/// asked for, more rows than the server said match, or more rows than a cap. Each
/// check returns the error that should end the listing, or nullopt. Pure logic: no
/// network, so it is unit-tested on its own.
class PageGuard final {
public:
    explicit PageGuard(qint64 maxRows = DefaultMaxCollectedRows)
        : m_maxRows(maxRows) {}

    /// A page of `rows` rows arrived for a request of at most `pageSize`.
    [[nodiscard]] static std::optional<ApiError> checkPageSize(qsizetype rows, int pageSize);
    /// The server asks for the page after `token` next; call once per page.
    [[nodiscard]] std::optional<ApiError> checkNextCursor(const QString &token);

    // The cursor walk every pager shares (PagedLoader, PageStream):
    /// Before a cursor listing's first page, whose "token" is the empty one.
    void startCursorListing() { (void)checkNextCursor(QString()); }
    /// A cursor page of `rows` rows ends the listing: no cursor to a next page, or
    /// no rows (a page without rows never leads further).
    [[nodiscard]] static bool isLastCursorPage(const PageInfo &info, qsizetype rows) {
        return rows == 0 || !info.hasMore();
    }
    /// Checks the cursor a page of `rows` rows gives to the next (nothing to check on
    /// the last page).
    [[nodiscard]] std::optional<ApiError> checkCursorPage(const PageInfo &info, qsizetype rows) {
        if (isLastCursorPage(info, rows))
            return std::nullopt;
        return checkNextCursor(info.nextPageToken);
    }
    /// A page arrived whose rows all were on earlier pages (and it had some):
    /// `where` names the page in the message ("at offset 2000", "after cursor X").
    [[nodiscard]] static ApiError repeatedPage(const QString &where);
    /// `rows` collected so far, `total` the count the server gave (-1: unknown).
    [[nodiscard]] std::optional<ApiError> checkRowCount(qint64 rows, qint64 total) const;
    /// The count the first offset page gave is over the offset paging limit.
    [[nodiscard]] static std::optional<ApiError> checkOffsetTotal(qint64 total, qint64 limit);

private:
    qint64 m_maxRows;
    QSet<QString> m_seenTokens;
};

} // namespace ica
