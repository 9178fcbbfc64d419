#include "cli/batchnames.h"

#include "cli/optionvalues.h"
#include "cli/views.h"

#include "core/export/jsonout.h"
#include "core/monitor/failuresummary.h"

#include <QJsonArray>

#include <memory>

namespace ica::cli {

void appendJson(QByteArray &out, const ica::cli::NamedItem &row) {
    ica::appendJson(out, row.item);
    if (out.endsWith('}'))
        out.chop(1); // the item's own object, reopened for the two fields
    ica::JsonOut json(out);
    const bool found = row.name.state == ica::DataName::State::Found;
    json.raw(',');
    json.key("dataName");
    if (found)
        json.string(row.name.name);
    else
        json.raw("null");
    json.raw(',');
    json.key("dataPath");
    if (found)
        json.string(row.name.path);
    else
        json.raw("null");
    json.raw('}');
}

QList<Column<NamedItem>> namedItemColumns() {
    QList<Column<NamedItem>> columns;
    const QList<Column<ica::BatchItem>> itemColumns = ica::itemColumns();
    for (const Column<ica::BatchItem> &column : itemColumns) {
        const auto value = column.value;
        columns.append({column.header, column.csvName,
                        [value](const NamedItem &row) { return value(row.item); },
                        Column<NamedItem>::Show(int(column.show))});
        if (column.csvName == QStringLiteral("dataId")) {
            using S = Column<NamedItem>::Show;
            columns.append({QStringLiteral("NAME"),
                            {},
                            [](const NamedItem &row) {
                                return row.name.state == DataName::State::Found
                                           ? row.name.name
                                           : QStringLiteral("(not found)");
                            },
                            S::TableOnly});
            columns.append({QStringLiteral("PATH"),
                            {},
                            [](const NamedItem &row) { return row.name.path; },
                            S::TableOnly});
            columns.append({{},
                            QStringLiteral("dataName"),
                            [](const NamedItem &row) { return row.name.name; },
                            S::CsvOnly});
            columns.append({{},
                            QStringLiteral("dataPath"),
                            [](const NamedItem &row) { return row.name.path; },
                            S::CsvOnly});
        }
    }
    return columns;
}

ClientPageFetcher<NamedItem> namedItemsFetcher(ClientPageFetcher<ica::BatchItem> items,
                                               QString projectId) {
    return [items, projectId](ica::ApiClient *client, const ica::PageRequest &page,
                              QObject *context, ica::ResultCallback<ica::Page<NamedItem>> done) {
        QPointer<ica::ApiClient> guardedClient(client);
        return items(
            client, page, context,
            [guardedClient, projectId, context,
             done](const ica::Result<ica::BatchItemPage> &result) {
                if (!result.ok()) {
                    done(ica::Result<ica::Page<NamedItem>>::failure(result.error));
                    return;
                }
                auto named = std::make_shared<ica::Page<NamedItem>>();
                named->info = result.value->info;
                QStringList ids;
                ids.reserve(result.value->items.size());
                for (const ica::BatchItem &item : result.value->items) {
                    named->items.append(NamedItem{item.id, item, {}});
                    if (!item.request.dataId.isEmpty())
                        ids.append(item.request.dataId);
                }
                ids.removeDuplicates();
                if (!guardedClient) {
                    done(ica::Result<ica::Page<NamedItem>>::failure(
                        ica::ApiError::usage(QStringLiteral("The connection was closed."))));
                    return;
                }
                ica::resolveDataNames(
                    guardedClient, projectId, ids, context,
                    [named, done](const ica::Result<ica::DataNames> &names) {
                        if (!names.ok()) {
                            done(ica::Result<ica::Page<NamedItem>>::failure(names.error));
                            return;
                        }
                        for (NamedItem &row : named->items)
                            row.name = names.value->value(row.item.request.dataId);
                        done(ica::Result<ica::Page<NamedItem>>::success(std::move(*named)));
                    });
            });
    };
}

namespace {

/// Prints a batch's failure summary.
class BatchFailuresCommand final : public Command {
public:
    BatchFailuresCommand(QString projectId, QString batchId)
        : m_projectId(std::move(projectId))
        , m_batchId(std::move(batchId)) {}

    void start() override {
        ica::FailureSummary::fetch(client(), m_projectId, m_batchId, this,
                                   [this](const ica::Result<ica::FailureSummary> &result) {
                                       if (!result.ok()) {
                                           finishWithApiError(result.error);
                                           return;
                                       }
                                       print(*result.value);
                                   });
    }

private:
    static QString statusesText(const QList<ica::ItemStatus> &statuses) {
        QStringList names;
        for (const ica::ItemStatus &status : statuses)
            names.append(status.toString());
        return names.join(QLatin1Char(' '));
    }

    void print(const ica::FailureSummary &summary) {
        const QList<ica::FailureSummary::Reason> reasons = summary.reasons();
        switch (format()) {
        case OutputFormat::Json:
            printer().printJson(summary.toJson());
            break;
        case OutputFormat::Jsonl:
        case OutputFormat::Csv: {
            QString text;
            ica::csv::appendLine(text, {QStringLiteral("reason"), QStringLiteral("count"),
                                        QStringLiteral("statuses")});
            for (const ica::FailureSummary::Reason &group : reasons)
                ica::csv::appendLine(text, {group.reason, QString::number(group.count),
                                            statusesText(group.statuses)});
            console().out(text);
            break;
        }
        case OutputFormat::Table: {
            if (reasons.isEmpty()) {
                console().errLine(
                    QStringLiteral("icatag: no item of batch %1 failed.").arg(m_batchId));
                break;
            }
            TextTable table(
                {QStringLiteral("REASON"), QStringLiteral("COUNT"), QStringLiteral("STATUSES")});
            for (const ica::FailureSummary::Reason &group : reasons)
                table.addRow({ica::FailureSummary::displayReason(group.reason),
                              QString::number(group.count), statusesText(group.statuses)});
            console().out(table.render());
            break;
        }
        }
        finishSuccess();
    }

    QString m_projectId;
    QString m_batchId;
};

} // namespace

CommandSpec batchFailuresSpec() {
    CommandSpec spec(
        QStringLiteral("batch"), QStringLiteral("failures"),
        QStringLiteral("Say why a batch's items failed, grouped by reason"),
        QStringLiteral(
            "Reads the batch's FAILED and PARTIALLY_UPDATED items (the items API's status "
            "filter, cursor pages) and groups them by their additionalStatusInformation. IDs "
            "in a reason (UUIDs, 'fil.'/'fol.' IDs) are replaced by <id>, so items that failed "
            "for the same reason share one line whatever their data ID; an empty reason is "
            "shown as '(no reason given)' (\"\" in CSV and JSON). Most items first.\n\n"
            "table: REASON, COUNT, STATUSES. csv: reason,count,statuses (statuses separated "
            "by spaces). json: an array of {\"reason\", \"count\", \"statuses\": [...], "
            "\"dataIds\": [...]} where dataIds are the data IDs of the items with that "
            "reason, in the order ICA listed them."));
    spec.formats = {OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv};
    spec.addOptions = [](QCommandLineParser &parser) {
        parser.addOptions({{QStringLiteral("project"), QStringLiteral("Project ID (required)."),
                            QStringLiteral("ID")},
                           {QStringLiteral("batch"), QStringLiteral("Batch ID (required)."),
                            QStringLiteral("ID")}});
    };
    spec.create = [](const QCommandLineParser &parser, Console &,
                     QString *error) -> std::unique_ptr<Command> {
        QString project;
        QString batch;
        if (!requiredValue(parser, QStringLiteral("project"),
                           QStringLiteral("give the project's ID (see 'icatag projects list')."),
                           &project, error) ||
            !requiredValue(parser, QStringLiteral("batch"),
                           QStringLiteral("give the batch's ID (printed by 'batch create')."),
                           &batch, error))
            return nullptr;
        return std::make_unique<BatchFailuresCommand>(project, batch);
    };
    return spec;
}

} // namespace ica::cli
