#pragma once

#include "core/composer/delimitedfilereader.h"
#include "core/domain/batch.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace ica {

class ApiClient;

/// Which column of a sheet plays which role; -1: none. Exactly one of idColumn and
/// pathColumn names the data of a row; the others carry its changes.
struct SheetMapping {
    enum class Role {
        DataId,
        Path,
        AddUserTags,
        RemoveUserTags,
        AddTechnicalTags,
        RemoveTechnicalTags,
        ArchiveDate,
        DeleteDate,
    };
    static constexpr int RoleCount = 8;

    int columns[RoleCount] = {-1, -1, -1, -1, -1, -1, -1, -1};
    bool hasHeader = true; ///< the first row names the columns (it is not data)

    [[nodiscard]] int column(Role role) const { return columns[int(role)]; }
    void setColumn(Role role, int column) { columns[int(role)] = column; }
    /// True when rows name their data by path (the path column is set).
    [[nodiscard]] bool byPath() const { return column(Role::Path) >= 0; }
    /// Why the mapping cannot be used (no ID or path column, both, no change column,
    /// one column in two roles); empty when it can.
    [[nodiscard]] QString problem() const;

    /// A readable name of a role ("add user tags").
    [[nodiscard]] static QString roleName(Role role);
    /// Guesses from header names ("id", "dataId", "path", "add_user_tags", "user tags
    /// to remove", "archive date", ...; case, spaces, '-' and '_' ignored) and, for the
    /// ID or path column, from the cells below.
    [[nodiscard]] static SheetMapping guess(const DelimitedTable &table);
    /// The column `spec` names among `headerNames`: a header name (ignoring case and
    /// surrounding spaces) or a 1-based number; -1 when none.
    [[nodiscard]] static int findColumn(const QStringList &headerNames, const QString &spec);
};

/// A sheet row kept out of the result, and why.
struct SheetBadRow {
    int line = 0; ///< 1-based row of the file
    QString reason;
};

/// What a sheet asks for: rows with the same changes become one group. For a sheet
/// of paths the groups' dataIds stay empty until the paths are resolved (see
/// SheetImport::resolvePaths); groupPaths holds them meanwhile.
struct SheetPlan {
    QList<DataUpdateGroup> groups;
    QList<QStringList> groupPaths; ///< per group, the paths of its rows (path sheets)
    QList<QList<int>> groupLines;  ///< per group, the rows' 1-based line numbers
    QList<SheetBadRow> badRows;    ///< in line order
    int dataRows = 0;              ///< rows below the header that were not blank
    int duplicateRows = 0;         ///< rows naming data already in the same group
    QString error;                 ///< the sheet could not be read at all

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
    /// Rows that went into a group.
    [[nodiscard]] int goodRows() const;
    /// The groups as a create request.
    [[nodiscard]] CreateBatchRequest request() const;
    /// One line: "500 rows: 3 groups of 120, 200 and 170 rows; 7 bad rows".
    [[nodiscard]] QString summary() const;
};

/// Reads a sheet (CSV/TSV) whose rows each name a data ID or a project path and carry
/// the changes for it, and turns it into update groups. Several tags in one cell are
/// separated by ';' or '|'. Dates are ISO 8601 (a time without zone, or a plain date,
/// is UTC). A row is bad, and reported with its line and left out, when it has no ID
/// or path, a malformed ID, a path that does not read as one, a bad date, a date for
/// a folder, a tag both added and removed, or no change at all. Blank rows are skipped.
class SheetImport final {
public:
    /// Builds the plan from a parsed table (pure; fine on any thread).
    [[nodiscard]] static SheetPlan build(const DelimitedTable &table, const SheetMapping &mapping);
    /// Reads a sheet file; `delimiter` overrides the one the extension or the text
    /// suggests (null: guess). Blocking: call it off the GUI thread.
    [[nodiscard]] static DelimitedTable readFile(const QString &path, QChar delimiter = {});
    /// build() on a worker thread (a 100,000-row sheet takes a noticeable time); `done`
    /// runs on `context`'s thread, not at all when `context` is destroyed first.
    static void buildAsync(const DelimitedTable &table, const SheetMapping &mapping,
                           QObject *context, std::function<void(const SheetPlan &)> done);

    /// Splits a tag cell at ';' and '|': trimmed, blanks and repeats dropped.
    [[nodiscard]] static QStringList splitTags(const QString &cell);
    /// An ISO 8601 date-time or date, as UTC; invalid when the text is not one.
    [[nodiscard]] static QDateTime parseDate(const QString &text);

    using Resolved = std::function<void(bool ok, const QString &error)>;
    /// For a path sheet: looks the paths up in `projectId` (PathResolver), fills each
    /// group's dataIds, moves rows whose path is not found (or is ambiguous) to
    /// badRows and drops groups left empty. `done` runs on `context`'s thread; on a
    /// failed call ok is false and `plan` is unchanged. `plan` must outlive the call
    /// (keep it in `context`).
    static void resolvePaths(ApiClient *client, const QString &projectId, SheetPlan *plan,
                             QObject *context, Resolved done);
};

} // namespace ica
