#include "simulator/paging.h"

#include "simulator/apierror.h"
#include "simulator/jsonwriter.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>

namespace ica::sim {

namespace {

const QStringList &pagingParameterNames() {
    static const QStringList names{QStringLiteral("pageToken"), QStringLiteral("pageSize"),
                                   QStringLiteral("pageOffset")};
    return names;
}

bool parseNonNegative(const QString &text, qint64 *value) {
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok || v < 0)
        return false;
    *value = v;
    return true;
}

ApiError invalidParameter(const QString &name, const QString &detail) {
    return ApiError::badRequest(detail, {{QStringLiteral("parameter"), name}});
}

} // namespace

QByteArray Pager::fingerprint(const QueryParams &query, const QString &scope) const {
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(scope.toUtf8());
    hash.addData(QByteArrayView("\n", 1));
    hash.addData(query.canonical(pagingParameterNames()));
    return hash.result().left(8).toHex();
}

QByteArray Pager::mac(const QByteArray &payload) const {
    return QMessageAuthenticationCode::hash(payload, m_secret, QCryptographicHash::Sha256)
        .left(8)
        .toHex();
}

QString Pager::makeToken(const QueryParams &query, const QString &scope, int lastPosition) const {
    const QByteArray payload = QByteArray::number(lastPosition) + '.' + fingerprint(query, scope);
    const QByteArray token = payload + '.' + mac(payload);
    return QString::fromLatin1(
        token.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

PageRequest Pager::parse(const QueryParams &query, const QString &scope,
                         const QStringList &sortableFields) const {
    PageRequest request;
    const QString sizeText = query.value(QStringLiteral("pageSize"));
    if (query.has(QStringLiteral("pageSize"))) {
        qint64 size = 0;
        if (!parseNonNegative(sizeText, &size) || size < 1 || size > kMaxPageSize)
            throw invalidParameter(
                QStringLiteral("pageSize"),
                QStringLiteral("pageSize must be an integer between 1 and %1.").arg(kMaxPageSize));
        request.size = int(size);
    }

    const QString token = query.value(QStringLiteral("pageToken"));
    const bool hasOffset = query.has(QStringLiteral("pageOffset"));
    const QString sortText = query.value(QStringLiteral("sort")).trimmed();
    if (!token.isEmpty() && hasOffset)
        throw invalidParameter(QStringLiteral("pageToken"),
                               QStringLiteral("pageToken (cursor-based paging) cannot be combined "
                                              "with pageOffset (offset-based paging)."));
    if (!token.isEmpty() && !sortText.isEmpty())
        throw invalidParameter(QStringLiteral("sort"),
                               QStringLiteral("sort is only supported with offset-based paging, "
                                              "not together with pageToken."));

    if (hasOffset) {
        qint64 offset = 0;
        if (!parseNonNegative(query.value(QStringLiteral("pageOffset")), &offset))
            throw invalidParameter(QStringLiteral("pageOffset"),
                                   QStringLiteral("pageOffset must be a non-negative integer."));
        if (offset >= kMaxOffsetRows)
            throw invalidParameter(QStringLiteral("pageOffset"),
                                   QStringLiteral("Offset-based paging is limited to the first "
                                                  "%1 rows; use cursor-based paging.")
                                       .arg(kMaxOffsetRows));
        request.offset = int(offset);
    }

    if (!sortText.isEmpty()) {
        for (const QString &part : sortText.split(QLatin1Char(','))) {
            QStringList words = part.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (words.isEmpty() || words.size() > 2)
                throw invalidParameter(
                    QStringLiteral("sort"),
                    QStringLiteral("Invalid sort expression '%1'.").arg(part.trimmed()));
            SortKey key;
            if (words.size() == 2) {
                const QString direction = words[1].toLower();
                if (direction != QLatin1String("asc") && direction != QLatin1String("desc"))
                    throw invalidParameter(QStringLiteral("sort"),
                                           QStringLiteral("Invalid sort direction '%1': use "
                                                          "'asc' or 'desc'.")
                                               .arg(words[1]));
                key.descending = direction == QLatin1String("desc");
            }
            const auto field =
                std::find_if(sortableFields.begin(), sortableFields.end(), [&](const QString &f) {
                    return f.compare(words[0], Qt::CaseInsensitive) == 0;
                });
            if (field == sortableFields.end())
                throw invalidParameter(
                    QStringLiteral("sort"),
                    QStringLiteral("Sorting on '%1' is not supported; "
                                   "supported: %2.")
                        .arg(words[0], sortableFields.join(QStringLiteral(", "))));
            key.field = *field;
            request.sort.push_back(key);
        }
    }

    request.cursorMode = !hasOffset && request.sort.empty();
    if (request.cursorMode && !token.isEmpty()) {
        const QByteArray decoded = QByteArray::fromBase64(
            token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const QList<QByteArray> parts = decoded.split('.');
        bool ok = parts.size() == 3;
        int after = ok ? parts[0].toInt(&ok) : -1;
        const QByteArray payload = ok ? parts[0] + '.' + parts[1] : QByteArray();
        if (!ok || after < 0 || mac(payload) != parts[2])
            throw invalidParameter(QStringLiteral("pageToken"),
                                   QStringLiteral("The pageToken is not valid."));
        if (parts[1] != fingerprint(query, scope))
            throw invalidParameter(QStringLiteral("pageToken"),
                                   QStringLiteral("The pageToken belongs to a different listing "
                                                  "or different filters."));
        request.after = after;
    }
    return request;
}

PageResult Pager::page(std::vector<int> matching, const PageRequest &request,
                       const QueryParams &query, const QString &scope,
                       const CompareFactory &compare) const {
    PageResult result;
    result.cursorMode = request.cursorMode;
    if (request.cursorMode) {
        auto begin = std::upper_bound(matching.begin(), matching.end(), request.after);
        const qint64 available = matching.end() - begin;
        const qint64 take = qMin<qint64>(available, request.size);
        result.rows.assign(begin, begin + take);
        result.remainingRecords = available - take;
        if (result.remainingRecords > 0)
            result.nextPageToken = makeToken(query, scope, result.rows.back());
        return result;
    }

    if (!request.sort.empty()) {
        std::vector<std::pair<Pager::RowCompare, bool>> keys;
        for (const SortKey &key : request.sort)
            keys.emplace_back(compare(key.field), key.descending);
        std::stable_sort(matching.begin(), matching.end(), [&](int a, int b) {
            for (const auto &key : keys) {
                const int c = key.first(a, b);
                if (c != 0)
                    return key.second ? c > 0 : c < 0;
            }
            return false;
        });
    }
    const qint64 total = qMin<qint64>(qint64(matching.size()), kMaxOffsetRows);
    result.totalItemCount = qint64(matching.size());
    const qint64 from = qMin<qint64>(request.offset, total);
    const qint64 to = qMin<qint64>(from + request.size, total);
    result.rows.assign(matching.begin() + from, matching.begin() + to);
    return result;
}

void Pager::writeFooter(JsonWriter &w, const PageResult &result) {
    if (result.cursorMode) {
        if (!result.nextPageToken.isEmpty())
            w.field("nextPageToken", result.nextPageToken);
        w.field("remainingRecords", result.remainingRecords);
    } else {
        w.field("nextPageToken", QLatin1String(""));
        w.field("totalItemCount", result.totalItemCount);
    }
}

} // namespace ica::sim
