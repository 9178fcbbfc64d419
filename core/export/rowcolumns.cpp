#include "core/export/rowcolumns.h"

#include "core/domain/decodecontext.h"

namespace ica {

namespace {

QString sizeText(const std::optional<qint64> &size) {
    return size ? QString::number(*size) : QString();
}

} // namespace

QString dataTypeText(const ProjectData &data) {
    switch (data.type) {
    case ProjectData::Type::File:
        return QStringLiteral("FILE");
    case ProjectData::Type::Folder:
        return QStringLiteral("FOLDER");
    case ProjectData::Type::Unknown:
        break;
    }
    return data.typeText;
}

QString joinedText(const QStringList &list) {
    return list.join(QLatin1Char(','));
}

QString tagUpdateText(const TagUpdate &update) {
    QStringList parts;
    for (const QString &tag : update.addTags)
        parts.append(QLatin1Char('+') + tag);
    for (const QString &tag : update.removeTags)
        parts.append(QLatin1Char('-') + tag);
    return joinedText(parts);
}

QString dateText(const QDateTime &dateTime) {
    return formatDateTime(dateTime);
}

QList<RowColumn<BatchItem>> itemColumns() {
    using I = BatchItem;
    using S = RowColumn<I>::Show;
    return {
        {QStringLiteral("ITEM"), QStringLiteral("id"), [](const I &i) { return i.id; }},
        {QStringLiteral("DATA"), QStringLiteral("dataId"),
         [](const I &i) { return i.request.dataId; }},
        {QStringLiteral("STATUS"), QStringLiteral("status"),
         [](const I &i) { return i.status.toString(); }},
        {QStringLiteral("USER TAGS"),
         {},
         [](const I &i) { return tagUpdateText(i.request.userTags); },
         S::TableOnly},
        {QStringLiteral("TECH TAGS"),
         {},
         [](const I &i) { return tagUpdateText(i.request.technicalTags); },
         S::TableOnly},
        {{},
         QStringLiteral("addUserTags"),
         [](const I &i) { return joinedText(i.request.userTags.addTags); },
         S::CsvOnly},
        {{},
         QStringLiteral("removeUserTags"),
         [](const I &i) { return joinedText(i.request.userTags.removeTags); },
         S::CsvOnly},
        {{},
         QStringLiteral("addTechnicalTags"),
         [](const I &i) { return joinedText(i.request.technicalTags.addTags); },
         S::CsvOnly},
        {{},
         QStringLiteral("removeTechnicalTags"),
         [](const I &i) { return joinedText(i.request.technicalTags.removeTags); },
         S::CsvOnly},
        {QStringLiteral("ARCHIVE AT"), QStringLiteral("willBeArchivedAt"),
         [](const I &i) { return dateText(i.request.willBeArchivedAt); }},
        {QStringLiteral("DELETE AT"), QStringLiteral("willBeDeletedAt"),
         [](const I &i) { return dateText(i.request.willBeDeletedAt); }},
        {QStringLiteral("INFORMATION"), QStringLiteral("additionalStatusInformation"),
         [](const I &i) { return i.additionalStatusInformation; }},
    };
}

QList<RowColumn<ProjectData>> dataColumns() {
    using D = ProjectData;
    using S = RowColumn<D>::Show;
    return {
        {QStringLiteral("ID"), QStringLiteral("id"), [](const D &d) { return d.id; }},
        {QStringLiteral("TYPE"), QStringLiteral("type"),
         [](const D &d) { return dataTypeText(d); }},
        {{}, QStringLiteral("name"), [](const D &d) { return d.name; }, S::CsvOnly},
        {QStringLiteral("PATH"), QStringLiteral("path"), [](const D &d) { return d.path; }},
        {QStringLiteral("STATUS"), QStringLiteral("status"), [](const D &d) { return d.status; }},
        {{}, QStringLiteral("formatCode"), [](const D &d) { return d.formatCode; }, S::CsvOnly},
        {QStringLiteral("SIZE"), QStringLiteral("sizeInBytes"),
         [](const D &d) { return sizeText(d.sizeInBytes); }},
        {QStringLiteral("USER TAGS"), QStringLiteral("userTags"),
         [](const D &d) { return joinedText(d.tags.userTags); }},
        {QStringLiteral("TECH TAGS"), QStringLiteral("technicalTags"),
         [](const D &d) { return joinedText(d.tags.technicalTags); }},
        {QStringLiteral("MODIFIED"), QStringLiteral("timeModified"),
         [](const D &d) { return dateText(d.timeModified); }},
        {{},
         QStringLiteral("willBeArchivedAt"),
         [](const D &d) { return dateText(d.willBeArchivedAt); },
         S::CsvOnly},
        {{},
         QStringLiteral("willBeDeletedAt"),
         [](const D &d) { return dateText(d.willBeDeletedAt); },
         S::CsvOnly},
    };
}

namespace csv {

void appendField(QString &text, const QString &cell) {
    // One scan, then a copy: this runs for every cell of a listing.
    bool needsQuotes = false;
    for (const QChar c : cell) {
        const char16_t u = c.unicode();
        if (u == u',' || u == u'"' || u == u'\n' || u == u'\r') {
            needsQuotes = true;
            break;
        }
    }
    if (!needsQuotes) {
        text += cell;
        return;
    }
    text += QLatin1Char('"');
    for (const QChar c : cell) {
        if (c == QLatin1Char('"'))
            text += QLatin1Char('"');
        text += c;
    }
    text += QLatin1Char('"');
}

void appendLine(QString &text, const QStringList &cells) {
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            text += QLatin1Char(',');
        appendField(text, cells.at(i));
    }
    text += QLatin1String("\r\n");
}

} // namespace csv

} // namespace ica
