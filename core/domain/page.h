#pragma once

#include "core/domain/decodecontext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace ica {

/// The paging fields every ICA paged list carries. In offset mode the server sets
/// totalItemCount and an empty nextPageToken; in cursor mode nextPageToken (empty
/// at the end) and an approximate remainingRecords.
struct PageInfo {
    QString nextPageToken;
    std::optional<qint64> remainingRecords;
    std::optional<qint64> totalItemCount;

    static PageInfo fromJson(const QJsonObject &o, DecodeContext &ctx);
    void writeTo(QJsonObject &o) const;
    [[nodiscard]] bool hasMore() const { return !nextPageToken.isEmpty(); }
    friend bool operator==(const PageInfo &a, const PageInfo &b) {
        return a.nextPageToken == b.nextPageToken && a.remainingRecords == b.remainingRecords &&
               a.totalItemCount == b.totalItemCount;
    }
};

/// One page of a paged list (ProjectPagedList, ProjectDataPagedList, ...).
template <typename T> struct Page {
    QList<T> items;
    PageInfo info;

    static Page fromJson(const QJsonObject &o, DecodeContext &ctx) {
        Page page;
        const QJsonArray array = ctx.requiredArray(o, QLatin1String("items"));
        page.items.reserve(array.size());
        {
            DecodeContext::Scope itemsScope(ctx, QLatin1String("items"));
            for (qsizetype i = 0; i < array.size() && ctx.ok(); ++i) {
                DecodeContext::Scope at(ctx, i);
                if (!array.at(i).isObject()) {
                    ctx.fail(QStringLiteral("expected an object"));
                    break;
                }
                page.items.append(T::fromJson(array.at(i).toObject(), ctx));
            }
        }
        page.info = PageInfo::fromJson(o, ctx);
        return page;
    }

    [[nodiscard]] QJsonObject toJson() const {
        QJsonArray array;
        for (const T &item : items)
            array.append(item.toJson());
        QJsonObject o{{QStringLiteral("items"), array}};
        info.writeTo(o);
        return o;
    }

    friend bool operator==(const Page &a, const Page &b) {
        return a.items == b.items && a.info == b.info;
    }
};

} // namespace ica
