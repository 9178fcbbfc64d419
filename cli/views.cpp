#include "cli/views.h"

#include "core/domain/decodecontext.h"

namespace ica::cli {

namespace {

QString joined(const QStringList &list) {
    return ica::joinedText(list);
}

QString sizeText(const std::optional<qint64> &size) {
    return size ? QString::number(*size) : QString();
}

} // namespace

Record batchRecord(const ica::Batch &batch) {
    Record record{
        {QStringLiteral("Batch"), batch.id},
        {QStringLiteral("Job"), batch.job.id},
        {QStringLiteral("Status"), batch.job.status.toString()},
    };
    if (!batch.job.additionalStatusInformation.isEmpty())
        record.append({QStringLiteral("Information"), batch.job.additionalStatusInformation});
    record.append({QStringLiteral("Created"), dateText(batch.job.timeCreated)});
    record.append({QStringLiteral("Started"), dateText(batch.job.timeStarted)});
    record.append({QStringLiteral("Finished"), dateText(batch.job.timeFinished)});
    record.append({QStringLiteral("Owner"), batch.job.owner.displayName()});
    return record;
}

QList<Column<ica::Batch>> batchColumns() {
    using B = ica::Batch;
    return {
        {QStringLiteral("BATCH"), QStringLiteral("id"), [](const B &b) { return b.id; }},
        {QStringLiteral("JOB"), QStringLiteral("jobId"), [](const B &b) { return b.job.id; }},
        {QStringLiteral("STATUS"), QStringLiteral("status"),
         [](const B &b) { return b.job.status.toString(); }},
        {QStringLiteral("CREATED"), QStringLiteral("timeCreated"),
         [](const B &b) { return dateText(b.job.timeCreated); }},
    };
}

Record itemRecord(const ica::BatchItem &item) {
    const ica::BatchItemRequest &r = item.request;
    Record record{
        {QStringLiteral("Item"), item.id},
        {QStringLiteral("Data"), r.dataId},
        {QStringLiteral("Status"), item.status.toString()},
    };
    if (!item.additionalStatusInformation.isEmpty())
        record.append({QStringLiteral("Information"), item.additionalStatusInformation});
    record.append({QStringLiteral("User tags"), tagUpdateText(r.userTags)});
    record.append({QStringLiteral("Technical tags"), tagUpdateText(r.technicalTags)});
    if (r.willBeArchivedAt.isValid())
        record.append({QStringLiteral("Archive at"), dateText(r.willBeArchivedAt)});
    if (r.willBeDeletedAt.isValid())
        record.append({QStringLiteral("Delete at"), dateText(r.willBeDeletedAt)});
    return record;
}

QList<Column<ica::Project>> projectColumns() {
    using P = ica::Project;
    using S = Column<P>::Show;
    return {
        {QStringLiteral("ID"), QStringLiteral("id"), [](const P &p) { return p.id; }},
        {QStringLiteral("NAME"), QStringLiteral("name"), [](const P &p) { return p.name; }},
        {QStringLiteral("DESCRIPTION"), QStringLiteral("shortDescription"),
         [](const P &p) { return p.shortDescription; }},
        {QStringLiteral("REGION"), QStringLiteral("regionCode"),
         [](const P &p) { return p.regionCode; }},
        {QStringLiteral("ACTIVE"), QStringLiteral("active"),
         [](const P &p) { return p.active ? QStringLiteral("yes") : QStringLiteral("no"); },
         S::TableOnly},
        {{},
         QStringLiteral("active"),
         [](const P &p) { return p.active ? QStringLiteral("true") : QStringLiteral("false"); },
         S::CsvOnly},
        {QStringLiteral("USER TAGS"), QStringLiteral("userTags"),
         [](const P &p) { return joined(p.userTags); }},
        {QStringLiteral("TECH TAGS"), QStringLiteral("technicalTags"),
         [](const P &p) { return joined(p.technicalTags); }},
        {QStringLiteral("CREATED"), QStringLiteral("timeCreated"),
         [](const P &p) { return dateText(p.timeCreated); }},
    };
}

Record dataRecord(const ica::ProjectData &d) {
    Record record{
        {QStringLiteral("Data"), d.id},       {QStringLiteral("Name"), d.name},
        {QStringLiteral("Path"), d.path},     {QStringLiteral("Type"), ica::dataTypeText(d)},
        {QStringLiteral("Status"), d.status},
    };
    if (!d.formatCode.isEmpty())
        record.append({QStringLiteral("Format"), d.formatCode});
    if (d.sizeInBytes)
        record.append({QStringLiteral("Size"), sizeText(d.sizeInBytes)});
    record.append({QStringLiteral("Project"), d.projectId});
    record.append({QStringLiteral("User tags"), joined(d.tags.userTags)});
    record.append({QStringLiteral("Technical tags"), joined(d.tags.technicalTags)});
    const QList<QPair<QString, QStringList>> readOnlyTags{
        {QStringLiteral("Connector tags"), d.tags.connectorTags},
        {QStringLiteral("Run-in tags"), d.tags.runInTags},
        {QStringLiteral("Run-out tags"), d.tags.runOutTags},
        {QStringLiteral("Reference tags"), d.tags.referenceTags},
    };
    for (const auto &[label, tags] : readOnlyTags) {
        if (!tags.isEmpty())
            record.append({label, joined(tags)});
    }
    record.append({QStringLiteral("Created"), dateText(d.timeCreated)});
    record.append({QStringLiteral("Modified"), dateText(d.timeModified)});
    if (d.willBeArchivedAt.isValid())
        record.append({QStringLiteral("Archive at"), dateText(d.willBeArchivedAt)});
    if (d.willBeDeletedAt.isValid())
        record.append({QStringLiteral("Delete at"), dateText(d.willBeDeletedAt)});
    return record;
}

QJsonObject countsJson(const StatusCounts &counts) {
    QJsonObject o;
    for (const auto &[status, count] : counts)
        o.insert(status.toString(), count < 0 ? QJsonValue() : QJsonValue(count));
    return o;
}

QString countsLine(const StatusCounts &counts) {
    QStringList parts;
    for (const auto &[status, count] : counts)
        parts.append(status.toString() + QLatin1Char(' ') +
                     (count < 0 ? QStringLiteral("?") : QString::number(count)));
    return parts.join(QStringLiteral(", "));
}

} // namespace ica::cli
