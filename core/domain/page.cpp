#include "core/domain/page.h"

namespace ica {

PageInfo PageInfo::fromJson(const QJsonObject &o, DecodeContext &ctx) {
    PageInfo info;
    info.nextPageToken = ctx.optionalString(o, QLatin1String("nextPageToken"));
    info.remainingRecords = ctx.optionalCount(o, QLatin1String("remainingRecords"));
    info.totalItemCount = ctx.optionalCount(o, QLatin1String("totalItemCount"));
    return info;
}

void PageInfo::writeTo(QJsonObject &o) const {
    o.insert(QStringLiteral("nextPageToken"), nextPageToken);
    if (remainingRecords)
        o.insert(QStringLiteral("remainingRecords"), *remainingRecords);
    if (totalItemCount)
        o.insert(QStringLiteral("totalItemCount"), *totalItemCount);
}

} // namespace ica
