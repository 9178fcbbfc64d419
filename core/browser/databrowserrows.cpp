// DataBrowserModel, second part: putting answers into the rows (appending a page,
// the difference after a refresh, single rows re-read). The first part
// (databrowsermodel.cpp) asks the questions.
#include "databrowsermodel.h"

#include "datalookup.h"

#include <QMetaObject>
#include <QSet>

namespace ica {

QList<ProjectData> DataBrowserModel::cleaned(QList<ProjectData> items) const {
    const bool recursive = isRecursiveListing();
    // Cursor paging is complete and unique: only offset pages can repeat a row, so only
    // they pay for a set of every ID (a refresh of 20,000 rows would spend ~20 ms on it).
    const bool mayRepeat = offsetMode();
    if (!recursive && !mayRepeat)
        return items; // moved: nothing to drop
    QSet<QString> seen;
    if (mayRepeat)
        seen.reserve(items.size());
    const auto drop = [&](const ProjectData &item) {
        if (recursive && DataFilter::isListedFolder(item, m_folderPath))
            return true;
        if (!mayRepeat)
            return false;
        if (seen.contains(item.id))
            return true;
        seen.insert(item.id);
        return false;
    };
    items.removeIf(drop);
    return items;
}

void DataBrowserModel::appendRows(const QList<ProjectData> &items) {
    m_rows.append(items, false); // rows already shown stay as they are
}

// --- The difference between the rows and a new answer -------------------------------

void DataBrowserModel::applyDiff(const QList<ProjectData> &target) {
    // Computed off the GUI thread and applied in slices when big: rowsSettled().
    m_rows.setTarget(target);
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

// --- Single rows ------------------------------------------------------------------

void DataBrowserModel::refreshRows(const QStringList &dataIds) {
    QStringList loaded;
    QSet<QString> seen;
    for (const QString &id : dataIds) {
        if (rowOf(id) >= 0 && !seen.contains(id)) {
            seen.insert(id);
            loaded.append(id);
        }
    }
    if (loaded.isEmpty() || m_projectId.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this]() { Q_EMIT rowsRefreshed({}); }, Qt::QueuedConnection);
        return;
    }
    DataQuery query = baseQuery();
    query.sort.clear();
    const quint64 serial = m_serial;
    DataLookup::byIds(m_client, m_projectId, query, loaded, this,
                      [this, serial, loaded](const Result<QList<ProjectData>> &result) {
                          onRowsRefreshed(serial, loaded, result);
                      });
}

void DataBrowserModel::onRowsRefreshed(quint64 serial, const QStringList &asked,
                                       const Result<QList<ProjectData>> &result) {
    if (serial != m_serial)
        return; // another question by now: its rows were read afresh anyway
    if (!result.ok()) {
        fail(result.error, tr("refresh the changed items"));
        Q_EMIT rowsRefreshed({});
        return;
    }
    Q_EMIT dataReceived(*result.value);
    // Asked for but not answered: deleted, or no longer matching the filter.
    QSet<QString> answered;
    for (const ProjectData &item : *result.value)
        answered.insert(item.id);
    QStringList gone;
    for (const QString &id : asked)
        if (!answered.contains(id))
            gone.append(id);
    // rowsRefreshed() once these rows are applied (at once for a small table).
    connect(
        m_rows.runner(), &RowDiffRunner::settled, this,
        [this, asked]() { Q_EMIT rowsRefreshed(asked); }, Qt::SingleShotConnection);
    m_rows.update(*result.value, gone);
}

} // namespace ica
