// DataBrowserModel, second part: putting answers into the rows (appending a page,
// the difference after a refresh, single rows re-read), all through the one keyed
// diff engine (KeyedRows). DataLister asks the questions; the first part
// (databrowsermodel.cpp) presents the rows.
#include "core/browser/databrowsermodel.h"

#include <QSet>

namespace ica {

void DataBrowserModel::appendRows(const QList<ProjectData> &items) {
    m_rows.append(items, false); // rows already shown stay as they are
}

void DataBrowserModel::applyDiff(const QList<ProjectData> &target) {
    // Computed off the GUI thread and applied in slices when big: settled().
    m_rows.setTarget(target);
}

void DataBrowserModel::applyDiff(QList<QList<ProjectData>> pages) {
    m_rows.setTarget(std::move(pages));
}

void DataBrowserModel::applyRefreshedRows(const QStringList &asked,
                                          const QList<ProjectData> &rows) {
    // Asked for but not answered: deleted, or no longer matching the question.
    QSet<QString> answered;
    answered.reserve(rows.size());
    QList<ProjectData> loaded;
    for (const ProjectData &item : rows) {
        answered.insert(item.id);
        if (rowOf(item.id) >= 0)
            loaded.append(item);
    }
    QStringList gone;
    for (const QString &id : asked) {
        if (!answered.contains(id) && rowOf(id) >= 0)
            gone.append(id);
    }
    m_rows.update(loaded, gone);
}

quint32 DataBrowserModel::changedColumns(const ProjectData &a, const ProjectData &b) {
    ColumnMask mask;
    mask.mark(a.name != b.name, NameColumn);
    mask.mark(a.path != b.path, PathColumn);
    mask.mark(a.type != b.type || a.typeText != b.typeText, TypeColumn);
    mask.mark(a.formatCode != b.formatCode, FormatColumn);
    mask.mark(a.sizeInBytes != b.sizeInBytes, SizeColumn);
    mask.mark(a.status != b.status, StatusColumn);
    mask.mark(a.tags.userTags != b.tags.userTags, UserTagsColumn);
    mask.mark(a.tags.technicalTags != b.tags.technicalTags, TechnicalTagsColumn);
    mask.mark(a.timeModified != b.timeModified, ModifiedColumn);
    return mask.bits();
}

} // namespace ica
