#include "core/api/pageguard.h"

#include <QCoreApplication>

namespace ica {

namespace {
/// The status paging errors carry: they are found in 2xx answers.
constexpr int PagingStatus = 200;
} // namespace

std::optional<ApiError> PageGuard::checkPageSize(qsizetype rows, int pageSize) {
    if (pageSize <= 0 || rows <= pageSize)
        return std::nullopt;
    return ApiError::decode(PagingStatus, QCoreApplication::translate(
                                              "ica::PageGuard",
                                              "The server sent %1 rows on a page of at most %2; "
                                              "stopping, as the listing cannot be trusted.")
                                              .arg(rows)
                                              .arg(pageSize));
}

std::optional<ApiError> PageGuard::checkNextCursor(const QString &token) {
    if (m_seenTokens.contains(token))
        return ApiError::decode(
            PagingStatus, QCoreApplication::translate("ica::PageGuard",
                                                      "The server sent the same page cursor twice; "
                                                      "stopping to avoid an endless listing."));
    m_seenTokens.insert(token);
    return std::nullopt;
}

ApiError PageGuard::repeatedPage(const QString &where) {
    return ApiError::decode(
        PagingStatus, QCoreApplication::translate(
                          "ica::PageGuard", "The server sent the same rows again for the page %1; "
                                            "stopping to avoid an endless listing.")
                          .arg(where));
}

std::optional<ApiError> PageGuard::checkRowCount(qint64 rows, qint64 total) const {
    if (total >= 0 && rows > total)
        return ApiError::decode(
            PagingStatus,
            QCoreApplication::translate("ica::PageGuard",
                                        "The server sent more rows (%1) than the %2 it said "
                                        "match; stopping, as the listing cannot be "
                                        "trusted.")
                .arg(rows)
                .arg(total));
    if (m_maxRows > 0 && rows > m_maxRows)
        return ApiError::decode(
            PagingStatus, QCoreApplication::translate(
                              "ica::PageGuard", "The listing goes on past %1 rows; stopping there "
                                                "to keep memory bounded. Narrow it with filters.")
                              .arg(m_maxRows));
    return std::nullopt;
}

std::optional<ApiError> PageGuard::checkOffsetTotal(qint64 total, qint64 limit) {
    if (total <= limit)
        return std::nullopt;
    // Not a usage error: the count comes from the server, after calls were made.
    return ApiError::decode(
        PagingStatus,
        QCoreApplication::translate("ica::PageGuard",
                                    "The server says %1 rows match, but offset paging stops "
                                    "at %2 rows: use cursor paging (no sort) to read them "
                                    "all, or narrow the listing.")
            .arg(total)
            .arg(limit));
}

} // namespace ica
