#pragma once

#include "core/api/apierror.h"
#include "core/domain/batch.h"
#include "core/domain/projectdata.h"
#include "core/rows/keyedtablemodel.h"

#include <QStringList>

namespace ica {

class ApiClient;
class TagPreview;

/// One row of a TagPreview: an item and its tags before and after.
struct TagPreviewRow {
    ProjectData data;
    QStringList userBefore;
    QStringList userAfter;
    QStringList technicalBefore;
    QStringList technicalAfter;
    bool direct = false;    ///< its own ID is in the request
    QStringList viaFolders; ///< paths of requested folders it lies in
    [[nodiscard]] bool changed() const {
        return userBefore != userAfter || technicalBefore != technicalAfter;
    }
    friend bool operator==(const TagPreviewRow &a, const TagPreviewRow &b) {
        return a.data == b.data && a.userBefore == b.userBefore && a.userAfter == b.userAfter &&
               a.technicalBefore == b.technicalBefore && a.technicalAfter == b.technicalAfter &&
               a.direct == b.direct && a.viaFolders == b.viaFolders;
    }
};

/// "Before and after" of a draft: for each data item, the user and technical tags it
/// carries now next to those it will carry once the batch has run, as a table for a
/// preview dialog. Groups apply in order, each removing its removeTags and then
/// adding its addTags (no tag twice), as ICA does. A folder in a group passes the
/// group's changes to everything inside it: rows of items below such a folder show
/// those changes too and say so, and the folder's own row says that its contents
/// change as well.
class TagPreview final : public KeyedTableModel<ValueRowTraits<TagPreviewRow, TagPreview>> {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagPreview)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
public:
    enum Column {
        NameColumn,
        PathColumn,
        UserTagsBeforeColumn,
        UserTagsAfterColumn,
        TechnicalTagsBeforeColumn,
        TechnicalTagsAfterColumn,
        NoteColumn,
        ColumnCount ///< sentinel: number of columns
    };
    Q_ENUM(Column)

    enum Role {
        DataIdRole = FirstModelRole, ///< in every column
        ChangedRole,                 ///< bool: the row's tags change, in every column
        IsFolderRole,                ///< bool, in every column
        TagsRole,                    ///< QStringList of a tag column's cell
        AddedTagsRole,               ///< QStringList, in the "after" columns: tags the item gains
        RemovedTagsRole,             ///< QStringList, in the "after" columns: tags the item loses
    };
    Q_ENUM(Role)

    /// One row: an item and its tags before and after.
    using Row = TagPreviewRow;

    explicit TagPreview(QObject *parent = nullptr);

    /// Shows `items` (in that order) before and after `request`.
    void setPreview(const QList<ProjectData> &items, const CreateBatchRequest &request);
    void setPreview(const QList<ProjectData> &items, const DataUpdateGroup &group);
    void clear();
    /// Reads the current data of every ID in `request`, then shows the preview. IDs
    /// that do not exist are listed by missingIds(). `client` is not owned.
    void load(ApiClient *client, const QString &projectId, const CreateBatchRequest &request);
    [[nodiscard]] bool isLoading() const { return m_loading; }

    /// `before` with update's removeTags removed, then its addTags appended (each once).
    [[nodiscard]] static QStringList applyTagUpdate(const QStringList &before,
                                                    const TagUpdate &update);

    [[nodiscard]] const Row &rowAt(int row) const { return m_rows.at(row); }
    [[nodiscard]] int changedCount() const;
    [[nodiscard]] int folderCount() const;
    /// IDs of the request that are not among the items (not found by load()).
    [[nodiscard]] const QStringList &missingIds() const { return m_missingIds; }
    /// "12 items change, 3 stay as they are. 1 folder: everything inside it changes too."
    [[nodiscard]] QString summary() const;

    /// The row key: the item's data ID.
    [[nodiscard]] static QString keyOf(const Row &row) { return row.data.id; }
    /// Every column, when anything of the row differs (the preview is replaced whole).
    [[nodiscard]] static quint32 changedColumns(const Row &a, const Row &b) {
        return a == b ? 0u : (1u << ColumnCount) - 1;
    }

Q_SIGNALS:
    void loadingChanged(bool loading);
    void errorOccurred(const ica::ApiError &error);

private:
    [[nodiscard]] QVariant rowData(const Row &row, int column, int role) const override;
    [[nodiscard]] QString note(const Row &row) const;
    void setLoading(bool loading);

    QStringList m_missingIds;
    bool m_loading = false;
    quint64 m_loadSerial = 0;
};

} // namespace ica
