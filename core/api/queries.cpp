#include "core/api/queries.h"

namespace ica {

void PageRequest::addTo(QueryParams &query, const QString &sort) const {
    if (mode == Mode::Offset) {
        query.add(QStringLiteral("pageOffset"), QString::number(offset));
        query.add(QStringLiteral("pageSize"), QString::number(pageSize));
        // ICA sorts in offset mode only; cursor pages come in the server's order.
        query.addIfSet(QStringLiteral("sort"), sort);
    } else {
        query.addIfSet(QStringLiteral("pageToken"), pageToken);
        query.add(QStringLiteral("pageSize"), QString::number(pageSize));
    }
}

QString matchModeName(MatchMode mode) {
    switch (mode) {
    case MatchMode::Exact:
        return QStringLiteral("EXACT");
    case MatchMode::Exclude:
        return QStringLiteral("EXCLUDE");
    case MatchMode::Fuzzy:
        return QStringLiteral("FUZZY");
    }
    return QString();
}

void DataQuery::addTo(QueryParams &query) const {
    query.addIfSet(QStringLiteral("parentFolderPath"), parentFolderPath);
    if (!filenames.isEmpty()) {
        query.addAll(QStringLiteral("filename"), filenames);
        query.add(QStringLiteral("filenameMatchMode"), matchModeName(filenameMatch));
    }
    if (!filePaths.isEmpty()) {
        query.addAll(QStringLiteral("filePath"), filePaths);
        query.add(QStringLiteral("filePathMatchMode"),
                  filePathMatch == PathMatch::Full
                      ? QStringLiteral("FULL_CASE_INSENSITIVE")
                      : QStringLiteral("STARTS_WITH_CASE_INSENSITIVE"));
    }
    if (type == Type::File)
        query.add(QStringLiteral("type"), QStringLiteral("FILE"));
    else if (type == Type::Folder)
        query.add(QStringLiteral("type"), QStringLiteral("FOLDER"));
    query.addAll(QStringLiteral("status"), statuses);
    query.addAll(QStringLiteral("formatCode"), formatCodes);
    if (!userTags.isEmpty()) {
        query.addAll(QStringLiteral("userTag"), userTags);
        query.add(QStringLiteral("userTagMatchMode"), matchModeName(userTagMatch));
    }
    if (!technicalTags.isEmpty()) {
        query.addAll(QStringLiteral("technicalTag"), technicalTags);
        query.add(QStringLiteral("technicalTagMatchMode"), matchModeName(technicalTagMatch));
    }
    query.addAll(QStringLiteral("id"), ids);
    page.addTo(query, sort);
}

} // namespace ica
