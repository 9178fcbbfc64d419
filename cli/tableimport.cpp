#include "cli/tableimport.h"

#include "cli/batchcreate.h"
#include "cli/batchsplit.h"
#include "cli/optionvalues.h"

#include <QFileInfo>

namespace ica::cli {

namespace {

using Role = ica::SheetMapping::Role;

const QString FromTable = QStringLiteral("from-table");
const QString Delimiter = QStringLiteral("delimiter");
const QString SkipBadRows = QStringLiteral("skip-bad-rows");

/// The column option of each role, in SheetMapping::Role order.
const QStringList &columnOptions() {
    static const QStringList names{
        QStringLiteral("id-column"),
        QStringLiteral("path-column"),
        QStringLiteral("add-user-tag-column"),
        QStringLiteral("remove-user-tag-column"),
        QStringLiteral("add-technical-tag-column"),
        QStringLiteral("remove-technical-tag-column"),
        QStringLiteral("archive-date-column"),
        QStringLiteral("delete-date-column"),
    };
    return names;
}

bool parseDelimiter(const QString &text, QChar *out, QString *error) {
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("tab") || t == QLatin1String("\\t") || text == QLatin1String("\t"))
        *out = QLatin1Char('\t');
    else if (text.size() == 1 && QStringLiteral(",;|").contains(text))
        *out = text.at(0);
    else if (t == QLatin1String("comma"))
        *out = QLatin1Char(',');
    else if (t == QLatin1String("semicolon"))
        *out = QLatin1Char(';');
    else {
        *error = QStringLiteral("--delimiter: \"%1\" is not supported; give ',', ';', '|' or tab.")
                     .arg(text);
        return false;
    }
    return true;
}

/// The bad rows on stderr, one line each.
void reportBadRows(Console &console, const QString &sheet, const QList<ica::SheetBadRow> &rows) {
    for (const ica::SheetBadRow &row : rows)
        console.errLine(
            QStringLiteral("icatag: %1 line %2: %3").arg(sheet).arg(row.line).arg(row.reason));
}

} // namespace

TableCreateCommand::TableCreateCommand(QString projectId, QString sheetName, ica::SheetPlan plan,
                                       bool skipBadRows, bool split, qsizetype splitSize)
    : m_projectId(std::move(projectId))
    , m_sheetName(std::move(sheetName))
    , m_plan(std::move(plan))
    , m_skipBadRows(skipBadRows)
    , m_split(split)
    , m_splitSize(splitSize) {}

void TableCreateCommand::start() {
    bool byPath = false;
    for (const QStringList &paths : std::as_const(m_plan.groupPaths))
        byPath = byPath || !paths.isEmpty();
    if (!byPath) {
        onResolved();
        return;
    }
    ica::SheetImport::resolvePaths(
        client(), m_projectId, &m_plan, this, [this](bool ok, const QString &error) {
            if (isFinished())
                return;
            if (!ok) {
                finishWithError(ExitFailure, QStringLiteral("looking up the paths of %1 failed: "
                                                            "%2; nothing was sent.")
                                                 .arg(m_sheetName, error));
                return;
            }
            onResolved();
        });
}

void TableCreateCommand::onResolved() {
    reportBadRows(console(), m_sheetName, m_plan.badRows);
    console().errLine(QStringLiteral("icatag: %1: %2").arg(m_sheetName, m_plan.summary()));
    if (!m_plan.badRows.isEmpty() && !m_skipBadRows) {
        finishWithError(ExitUsage,
                        QStringLiteral("%1 has %2 bad row(s) (listed above); nothing was sent. "
                                       "Correct them, or add --skip-bad-rows to create the "
                                       "batch from the other rows.")
                            .arg(m_sheetName)
                            .arg(m_plan.badRows.size()));
        return;
    }
    const ica::CreateBatchRequest body = m_plan.request();
    const qsizetype count = body.dataIdCount();
    if (count == 0) {
        finishWithError(
            ExitUsage,
            QStringLiteral("%1 names no data to update: nothing was sent.").arg(m_sheetName));
        return;
    }
    if (!m_split && count > MaxIdsPerBatch) {
        finishWithError(ExitUsage,
                        QStringLiteral("%1 data IDs: ICA does not allow more than %2 in one batch. "
                                       "Add --split to create batches of %3 IDs one after another.")
                            .arg(count)
                            .arg(MaxIdsPerBatch)
                            .arg(AdvisedIdsPerBatch));
        return;
    }
    if (!m_split && count > AdvisedIdsPerBatch)
        console().warn(QStringLiteral("%1 data IDs in one batch: ICA advises at most %2 per call; "
                                      "consider --split.")
                           .arg(count)
                           .arg(AdvisedIdsPerBatch));
    QList<ica::CreateBatchRequest> parts =
        m_split ? splitCreateRequest(body, m_splitSize) : QList<ica::CreateBatchRequest>{body};
    m_create = std::make_unique<BatchCreateCommand>(m_projectId, std::move(parts), m_split);
    m_create->setContext({&console(), client(), format()});
    connect(m_create.get(), &Command::finished, this, [this](int code) { finish(code); });
    m_create->start();
}

void addTableImportOptions(QCommandLineParser &parser) {
    const QString column = QStringLiteral("COLUMN");
    parser.addOptions({
        {FromTable, QStringLiteral("CSV/TSV sheet: one row per data ID or path, with its changes."),
         QStringLiteral("FILE")},
        {columnOptions().at(int(Role::DataId)),
         QStringLiteral("--from-table: the column of data IDs (header name or 1-based number)."),
         column},
        {columnOptions().at(int(Role::Path)),
         QStringLiteral("--from-table: the column of project paths (instead of --id-column)."),
         column},
        {columnOptions().at(int(Role::AddUserTags)),
         QStringLiteral("--from-table: user tags to add (several: separate with ; or |)."), column},
        {columnOptions().at(int(Role::RemoveUserTags)),
         QStringLiteral("--from-table: user tags to remove."), column},
        {columnOptions().at(int(Role::AddTechnicalTags)),
         QStringLiteral("--from-table: technical tags to add."), column},
        {columnOptions().at(int(Role::RemoveTechnicalTags)),
         QStringLiteral("--from-table: technical tags to remove."), column},
        {columnOptions().at(int(Role::ArchiveDate)),
         QStringLiteral("--from-table: the date to archive the file at."), column},
        {columnOptions().at(int(Role::DeleteDate)),
         QStringLiteral("--from-table: the date to delete the file at."), column},
        {Delimiter,
         QStringLiteral("--from-table: the field delimiter (',', ';', '|' or tab; default: by "
                        "the file's extension)."),
         QStringLiteral("CHAR")},
        {SkipBadRows,
         QStringLiteral("--from-table: create the batch from the good rows when some are bad.")},
    });
}

bool isTableImport(const QCommandLineParser &parser) {
    return parser.isSet(FromTable);
}

QString tableImportHelp() {
    return QStringLiteral(
        "--from-table FILE reads a CSV or TSV sheet whose rows each name one data item, by "
        "--id-column or by --path-column (a project path, looked up ignoring case), and carry "
        "its changes in the columns given by --add-user-tag-column, --remove-user-tag-column, "
        "--add-technical-tag-column, --remove-technical-tag-column, --archive-date-column and "
        "--delete-date-column (a header name or a 1-based number; several tags in one cell are "
        "separated by ';' or '|'; dates are ISO 8601 in UTC, e.g. 2027-01-31 or "
        "2027-01-31T08:30:00Z). The first row is the header when it holds no data ID or path. "
        "Rows with the same changes become one group. Bad rows (no ID or path, a malformed ID, "
        "an unknown path, a bad date, a date on a folder, a tag both added and removed, no "
        "change) are listed on stderr with their line numbers and stop the command with exit 2 "
        "before anything is sent, unless --skip-bad-rows creates the batch from the other "
        "rows.");
}

std::unique_ptr<Command> createFromTable(const QString &projectId, const QCommandLineParser &parser,
                                         Console &console, QString *error) {
    for (const QString &other :
         {QStringLiteral("file"), QStringLiteral("ids-file"), QStringLiteral("add-user-tag"),
          QStringLiteral("remove-user-tag"), QStringLiteral("add-tech-tag"),
          QStringLiteral("remove-tech-tag"), QStringLiteral("archive-at"),
          QStringLiteral("delete-at"), QStringLiteral("clear-archive-at"),
          QStringLiteral("clear-delete-at")}) {
        if (parser.isSet(other)) {
            *error = QStringLiteral("--%1 cannot be used with --from-table: the sheet holds the "
                                    "data and their changes.")
                         .arg(other);
            return nullptr;
        }
    }
    const QString path = parser.value(FromTable);
    QChar delimiter;
    if (parser.isSet(Delimiter) && !parseDelimiter(parser.value(Delimiter), &delimiter, error))
        return nullptr;
    const ica::DelimitedTable table = ica::SheetImport::readFile(path, delimiter);
    if (!table.ok()) {
        *error = table.error;
        return nullptr;
    }
    if (table.truncated) {
        *error = QStringLiteral("%1 has more than %2 rows: split it into smaller sheets.")
                     .arg(path)
                     .arg(ica::DelimitedFileReader::MaxRows);
        return nullptr;
    }
    const ica::SheetMapping guessed = ica::SheetMapping::guess(table);
    ica::SheetMapping mapping;
    mapping.hasHeader = guessed.hasHeader;
    const QStringList header = table.rows.isEmpty() ? QStringList() : table.rows.first();
    for (int role = 0; role < ica::SheetMapping::RoleCount; ++role) {
        const QString &option = columnOptions().at(role);
        if (!parser.isSet(option))
            continue;
        const int column = ica::SheetMapping::findColumn(mapping.hasHeader ? header : QStringList(),
                                                         parser.value(option));
        if (column < 0 || column >= table.columnCount()) {
            *error = QStringLiteral("--%1: %2 has no column \"%3\"; its columns are: %4 (or give a "
                                    "number from 1 to %5).")
                         .arg(option, path, parser.value(option),
                              mapping.hasHeader ? header.join(QStringLiteral(", "))
                                                : QStringLiteral("unnamed"))
                         .arg(table.columnCount());
            return nullptr;
        }
        mapping.columns[role] = column;
    }
    if (const QString problem = mapping.problem(); !problem.isEmpty()) {
        *error = QStringLiteral("%1 Give --id-column or --path-column, and at least one of the "
                                "change columns (see --help).")
                     .arg(problem);
        return nullptr;
    }
    const bool split =
        parser.isSet(QStringLiteral("split")) || parser.isSet(QStringLiteral("split-size"));
    qint64 splitSize = AdvisedIdsPerBatch;
    if (parser.isSet(QStringLiteral("split-size")) &&
        !parseInteger(QStringLiteral("--split-size"), parser.value(QStringLiteral("split-size")), 1,
                      MaxIdsPerBatch, &splitSize, error))
        return nullptr;
    ica::SheetPlan plan = ica::SheetImport::build(table, mapping);
    if (!plan.ok()) {
        *error = plan.error;
        return nullptr;
    }
    if (!mapping.byPath() && !plan.badRows.isEmpty() && !parser.isSet(SkipBadRows)) {
        // Known before any call: a usage error now, listing every bad row.
        reportBadRows(console, QFileInfo(path).fileName(), plan.badRows);
        *error = QStringLiteral("%1 has %2 bad row(s) (listed above); nothing was sent. Correct "
                                "them, or add --skip-bad-rows to create the batch from the other "
                                "rows.")
                     .arg(QFileInfo(path).fileName())
                     .arg(plan.badRows.size());
        return nullptr;
    }
    return std::make_unique<TableCreateCommand>(projectId, QFileInfo(path).fileName(),
                                                std::move(plan), parser.isSet(SkipBadRows), split,
                                                splitSize);
}

} // namespace ica::cli
