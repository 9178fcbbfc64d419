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
    // Computed off the GUI thread and applied in slices when big: rowsSettled().
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

quint32 ProjectDataTraits::changedColumns(const Row &a, const Row &b) const {
    return DataBrowserModel::changedColumns(a, b);
}

quint32 DataBrowserModel::changedColumns(const ProjectData &a, const ProjectData &b) {
    quint32 columns = 0;
    const auto mark = [&columns](bool differs, int column) {
        if (differs)
            columns |= 1u << column;
    };
    mark(a.name != b.name, NameColumn);
    mark(a.path != b.path, PathColumn);
    mark(a.type != b.type || a.typeText != b.typeText, TypeColumn);
    mark(a.formatCode != b.formatCode, FormatColumn);
    mark(a.sizeInBytes != b.sizeInBytes, SizeColumn);
    mark(a.status != b.status, StatusColumn);
    mark(a.tags.userTags != b.tags.userTags, UserTagsColumn);
    mark(a.tags.technicalTags != b.tags.technicalTags, TechnicalTagsColumn);
    mark(a.timeModified != b.timeModified, ModifiedColumn);
    return columns;
}

} // namespace ica
