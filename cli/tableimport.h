#pragma once

#include "cli/command.h"

#include "core/composer/sheetimport.h"

#include <memory>

namespace ica::cli {

/// `batch create --from-table`: the rows of a CSV/TSV sheet, each naming a data ID or
/// a project path with its own changes, become one group per distinct change set.
/// Paths are resolved first (listing calls). Bad rows (line and reason) go to stderr;
/// unless --skip-bad-rows they stop the command with exit 2 before anything is sent.
/// Then the groups are created as `batch create` does (--split included).
class TableCreateCommand final : public Command {
    Q_OBJECT
public:
    TableCreateCommand(QString projectId, QString sheetName, ica::SheetPlan plan, bool skipBadRows,
                       bool split, qsizetype splitSize);

    void start() override;

private:
    void onResolved();

    QString m_projectId;
    QString m_sheetName;
    ica::SheetPlan m_plan;
    bool m_skipBadRows;
    bool m_split;
    qsizetype m_splitSize;
    std::unique_ptr<Command> m_create;
};

/// Adds --from-table and its column options to `batch create`.
void addTableImportOptions(QCommandLineParser &parser);
/// True when --from-table was given.
[[nodiscard]] bool isTableImport(const QCommandLineParser &parser);
/// Reads the sheet and its mapping and builds the command; null with `error` (a
/// usage error) when the options or the sheet do not make sense.
[[nodiscard]] std::unique_ptr<Command> createFromTable(const QString &projectId,
                                                       const QCommandLineParser &parser,
                                                       Console &console, QString *error);
/// The help paragraph for --from-table.
[[nodiscard]] QString tableImportHelp();

} // namespace ica::cli
