#include "simulator/batchrequestparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace ica::sim {

namespace {

ApiError fieldError(const QString &field, const QString &detail) {
    return ApiError::badRequest(detail, {{QStringLiteral("field"), field}});
}

QString jsonTypeName(const QJsonValue &v) {
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    default:
        return QStringLiteral("undefined");
    }
}

QStringList stringArray(const QJsonValue &value, const QString &field, bool allowEmptyStrings) {
    if (!value.isArray())
        throw fieldError(field, QStringLiteral("%1 must be an array of strings, not %2.")
                                    .arg(field, jsonTypeName(value)));
    QStringList result;
    const QJsonArray array = value.toArray();
    result.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue element = array.at(i);
        const QString path = field + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
        if (!element.isString())
            throw fieldError(
                path,
                QStringLiteral("%1 must be a string, not %2.").arg(path, jsonTypeName(element)));
        if (!allowEmptyStrings && element.toString().trimmed().isEmpty())
            throw fieldError(path, QStringLiteral("%1 must not be empty.").arg(path));
        result.append(element.toString());
    }
    return result;
}

// A TagUpdate (object or null). Returns false when absent/null.
bool tagUpdate(const QJsonObject &group, const QString &name, const QString &prefix,
               QStringList *add, QStringList *remove) {
    const QJsonValue value = group.value(name);
    if (value.isUndefined() || value.isNull())
        return false;
    const QString field = prefix + name;
    if (!value.isObject())
        throw fieldError(field, QStringLiteral("%1 must be an object with addTags and/or "
                                               "removeTags, not %2.")
                                    .arg(field, jsonTypeName(value)));
    const QJsonObject object = value.toObject();
    for (const QString &key : {QStringLiteral("addTags"), QStringLiteral("removeTags")}) {
        const QJsonValue tags = object.value(key);
        if (tags.isUndefined() || tags.isNull())
            continue;
        (key == QLatin1String("addTags") ? *add : *remove) =
            stringArray(tags, field + QLatin1Char('.') + key, false);
    }
    return true;
}

TimeMs dateTime(const QJsonObject &group, const QString &name, const QString &prefix) {
    const QJsonValue value = group.value(name);
    if (value.isUndefined() || value.isNull())
        return 0;
    const QString field = prefix + name;
    const std::optional<TimeMs> ms =
        value.isString() ? parseRfc3339(value.toString()) : std::nullopt;
    if (!ms)
        throw fieldError(field, QStringLiteral("%1 must be a date-time like "
                                               "2021-01-30T08:30:00Z.")
                                    .arg(field));
    return *ms == 0 ? 1 : *ms; // 0 means "unchanged"
}

bool flag(const QJsonObject &group, const QString &name, const QString &prefix) {
    const QJsonValue value = group.value(name);
    if (value.isUndefined() || value.isNull())
        return false;
    if (!value.isBool())
        throw fieldError(prefix + name, QStringLiteral("%1 must be a boolean, not %2.")
                                            .arg(prefix + name, jsonTypeName(value)));
    return value.toBool();
}

} // namespace

QJsonObject BatchRequestParser::parseJsonBody(const ApiRequest &request) {
    const QByteArray contentType =
        request.header(QByteArrayLiteral("content-type")).split(';').first().trimmed().toLower();
    if (contentType != "application/json" && contentType != "application/vnd.illumina.v3+json")
        throw ApiError(415, QStringLiteral("The request body must be sent as "
                                           "application/vnd.illumina.v3+json or "
                                           "application/json."));
    if (request.body.trimmed().isEmpty())
        throw ApiError::badRequest(QStringLiteral("The request body is missing."));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError) {
        const qsizetype offset = qBound<qsizetype>(0, qsizetype(error.offset), request.body.size());
        const QByteArray before = request.body.left(offset);
        const qsizetype line = before.count('\n') + 1;
        const qsizetype column = offset - (before.lastIndexOf('\n') + 1) + 1;
        throw ApiError::badRequest(
            QStringLiteral("Malformed JSON in the request body at line %1, column %2 "
                           "(offset %3): %4.")
                .arg(line)
                .arg(column)
                .arg(offset)
                .arg(error.errorString()),
            {{QStringLiteral("line"), QString::number(line)},
             {QStringLiteral("column"), QString::number(column)},
             {QStringLiteral("offset"), QString::number(offset)}});
    }
    if (!document.isObject())
        throw ApiError::badRequest(QStringLiteral("The request body must be a JSON object."));
    return document.object();
}

CreateBatchRequest BatchRequestParser::parseCreateBatch(const QJsonObject &body) {
    const QString groupsField = QStringLiteral("dataUpdateGroups");
    const QJsonValue groupsValue = body.value(groupsField);
    if (groupsValue.isUndefined() || groupsValue.isNull())
        throw fieldError(groupsField, QStringLiteral("dataUpdateGroups is required."));
    if (!groupsValue.isArray())
        throw fieldError(groupsField, QStringLiteral("dataUpdateGroups must be an array, not %1.")
                                          .arg(jsonTypeName(groupsValue)));
    const QJsonArray groups = groupsValue.toArray();
    if (groups.isEmpty())
        throw fieldError(groupsField,
                         QStringLiteral("dataUpdateGroups must contain at least one group."));

    CreateBatchRequest result;
    for (qsizetype g = 0; g < groups.size(); ++g) {
        const QString prefix =
            groupsField + QLatin1Char('[') + QString::number(g) + QStringLiteral("].");
        if (!groups.at(g).isObject())
            throw fieldError(prefix.chopped(1),
                             QStringLiteral("%1 must be an object.").arg(prefix.chopped(1)));
        const QJsonObject group = groups.at(g).toObject();
        const QJsonValue ids = group.value(QStringLiteral("dataIds"));
        const QString idsField = prefix + QStringLiteral("dataIds");
        if (ids.isUndefined() || ids.isNull())
            throw fieldError(idsField, QStringLiteral("%1 is required.").arg(idsField));
        // Count before converting, so an oversized call fails fast and cheaply.
        if (ids.isArray())
            result.totalDataIds += int(ids.toArray().size());
        if (result.totalDataIds > kMaxDataIds)
            throw ApiError::badRequest(
                QStringLiteral("A batch may hold at most %1 data ids in total; this call has "
                               "more.")
                    .arg(kMaxDataIds),
                {{QStringLiteral("field"), groupsField},
                 {QStringLiteral("maximum"), QString::number(kMaxDataIds)}});
        QStringList dataIds = stringArray(ids, idsField, false);
        if (dataIds.isEmpty())
            throw fieldError(idsField, QStringLiteral("%1 must not be empty.").arg(idsField));

        DataUpdate update;
        update.hasUserTags = tagUpdate(group, QStringLiteral("userTags"), prefix,
                                       &update.addUserTags, &update.removeUserTags);
        update.hasTechnicalTags = tagUpdate(group, QStringLiteral("technicalTags"), prefix,
                                            &update.addTechnicalTags, &update.removeTechnicalTags);
        update.willBeArchivedAt = dateTime(group, QStringLiteral("willBeArchivedAt"), prefix);
        update.willBeDeletedAt = dateTime(group, QStringLiteral("willBeDeletedAt"), prefix);
        update.clearWillBeArchivedAt = flag(group, QStringLiteral("clearWillBeArchivedAt"), prefix);
        update.clearWillBeDeletedAt = flag(group, QStringLiteral("clearWillBeDeletedAt"), prefix);
        if (update.clearWillBeArchivedAt && update.willBeArchivedAt)
            throw fieldError(prefix + QStringLiteral("clearWillBeArchivedAt"),
                             QStringLiteral("%1willBeArchivedAt cannot be set and cleared in the "
                                            "same group.")
                                 .arg(prefix));
        if (update.clearWillBeDeletedAt && update.willBeDeletedAt)
            throw fieldError(prefix + QStringLiteral("clearWillBeDeletedAt"),
                             QStringLiteral("%1willBeDeletedAt cannot be set and cleared in the "
                                            "same group.")
                                 .arg(prefix));
        result.groups.push_back(std::move(update));
        result.dataIds.push_back(std::move(dataIds));
    }
    return result;
}

} // namespace ica::sim
