#pragma once

#include "core/api/apiresult.h"
#include "core/api/queries.h"
#include "core/data/tagcatalog.h"
#include "core/domain/batch.h"
#include "core/domain/projectdata.h"

#include <QList>
#include <QString>

#include <functional>

namespace ica {

class ApiClient;

/// What to rename: tag `from` of a kind becomes `to`, on every item of the project or
/// of one folder and its subfolders. Merging `from` into an existing tag `to` is the
/// same action: items that already carry `to` just lose `from`.
struct TagRenameSpec {
    TagKind kind = TagKind::User;
    QString from;
    QString to;
    QString folderPath; ///< "/runs/x/" (recursive); empty or "/": the whole project

    /// Why the spec cannot be run (a blank tag, the same tag twice, a folder that is
    /// not a path); empty when it can.
    [[nodiscard]] QString problem() const;
    /// The folder as a listing prefix ("/runs/x/"); empty for the whole project.
    [[nodiscard]] QString folderPrefix() const;
    /// The listing that finds the items: tag `from` EXACT (server side), within the
    /// folder by filePath STARTS_WITH_CASE_INSENSITIVE. Cursor paging, no sort.
    [[nodiscard]] DataQuery query() const;
};

/// One item the rename changes, with its tags of that kind before and after.
struct TagRenameItem {
    QString dataId;
    QString path;
    QStringList tagsNow;
    QStringList tagsAfter;
    bool hadTarget = false; ///< carried `to` already (a merge: it only loses `from`)
};

/// The items found and the change to make.
struct TagRenamePlan {
    TagRenameSpec spec;
    QList<TagRenameItem> items; ///< in listing order

    [[nodiscard]] bool isEmpty() const { return items.isEmpty(); }
    [[nodiscard]] int mergedCount() const;
    /// One group: every item's ID, removing `from` and adding `to` (empty when no item).
    [[nodiscard]] CreateBatchRequest request() const;
    /// One line: "1,000 items in /runs/x/ carry user tag "a": it becomes "b" (20 have it).
    [[nodiscard]] QString summary() const;
};

/// Finds every item carrying a tag and plans renaming it (see TagRenameSpec).
class TagRename final {
public:
    /// The plan for listed `items`: only those that really carry `from` exactly (the
    /// server's filter is trusted but checked) within the folder.
    [[nodiscard]] static TagRenamePlan plan(const TagRenameSpec &spec,
                                            const QList<ProjectData> &items);

    using Done = std::function<void(const Result<TagRenamePlan> &)>;
    /// Lists every matching item of `projectId` (all pages, by cursor) and plans the
    /// rename. `done` runs on `context`'s thread, not at all when `context` is
    /// destroyed first. A spec with a problem fails at once (a usage error).
    static void find(ApiClient *client, const QString &projectId, const TagRenameSpec &spec,
                     QObject *context, Done done);
};

} // namespace ica
