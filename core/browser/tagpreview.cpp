#include "core/browser/tagpreview.h"

#include "core/browser/browserformat.h"
#include "core/data/datalookup.h"
#include "core/diagnostics/statusnotices.h"

#include <QSet>

#include <algorithm>

namespace ica {

namespace {

QStringList minus(const QStringList &a, const QStringList &b) {
    QStringList out;
    for (const QString &tag : a) {
        if (!b.contains(tag))
            out.append(tag);
    }
    return out;
}

} // namespace

TagPreview::TagPreview(QObject *parent)
    : KeyedTableModel({QT_TR_NOOP("Name"), QT_TR_NOOP("Path"), QT_TR_NOOP("User tags now"),
                       QT_TR_NOOP("User tags after"), QT_TR_NOOP("Technical tags now"),
                       QT_TR_NOOP("Technical tags after"), QT_TR_NOOP("Note")},
                      {}, parent) {}

QStringList TagPreview::applyTagUpdate(const QStringList &before, const TagUpdate &update) {
    QStringList after;
    for (const QString &tag : before) {
        if (!update.removeTags.contains(tag) && !after.contains(tag))
            after.append(tag);
    }
    for (const QString &tag : update.addTags) {
        if (!tag.isEmpty() && !after.contains(tag))
            after.append(tag);
    }
    return after;
}

void TagPreview::setPreview(const QList<ProjectData> &items, const DataUpdateGroup &group) {
    CreateBatchRequest request;
    request.dataUpdateGroups.append(group);
    setPreview(items, request);
}

void TagPreview::setPreview(const QList<ProjectData> &items, const CreateBatchRequest &request) {
    QList<Row> rows;
    rows.reserve(items.size());
    for (const ProjectData &item : items) {
        Row row;
        row.data = item;
        row.userBefore = row.userAfter = item.tags.userTags;
        row.technicalBefore = row.technicalAfter = item.tags.technicalTags;
        rows.append(row);
    }
    QSet<QString> known;
    for (const ProjectData &item : items)
        known.insert(item.id);

    for (const DataUpdateGroup &group : request.dataUpdateGroups) {
        const QSet<QString> ids(group.dataIds.begin(), group.dataIds.end());
        // Folders of this group: ICA applies the group to everything inside them.
        QStringList folderPaths;
        for (const ProjectData &item : items) {
            if (item.isFolder() && !item.path.isEmpty() && ids.contains(item.id))
                folderPaths.append(item.path);
        }
        for (Row &row : rows) {
            const bool direct = ids.contains(row.data.id);
            bool inside = false;
            for (const QString &folder : std::as_const(folderPaths)) {
                if (row.data.path != folder && row.data.path.startsWith(folder)) {
                    inside = true;
                    if (!row.viaFolders.contains(folder))
                        row.viaFolders.append(folder);
                }
            }
            if (!direct && !inside)
                continue;
            row.direct = row.direct || direct;
            row.userAfter = applyTagUpdate(row.userAfter, group.userTags);
            row.technicalAfter = applyTagUpdate(row.technicalAfter, group.technicalTags);
        }
    }

    QStringList missing;
    QSet<QString> listed;
    for (const DataUpdateGroup &group : request.dataUpdateGroups) {
        for (const QString &id : group.dataIds) {
            if (!known.contains(id) && !listed.contains(id)) {
                listed.insert(id);
                missing.append(id);
            }
        }
    }

    // A new preview is a new question: replaced whole, at once.
    m_rows.reset(rows, [this, &missing]() { m_missingIds = missing; });
}

void TagPreview::clear() {
    ++m_loadSerial;
    setLoading(false);
    m_rows.reset({}, [this]() { m_missingIds.clear(); });
}

void TagPreview::load(ApiClient *client, const QString &projectId,
                      const CreateBatchRequest &request) {
    const quint64 serial = ++m_loadSerial;
    QStringList ids;
    QSet<QString> seen;
    for (const DataUpdateGroup &group : request.dataUpdateGroups) {
        for (const QString &raw : group.dataIds) {
            const QString id = raw.trimmed();
            if (!id.isEmpty() && !seen.contains(id)) {
                seen.insert(id);
                ids.append(id);
            }
        }
    }
    setLoading(true);
    StatusNotices::post(tr("Reading the current tags of %L1 items…").arg(ids.size()));
    DataLookup::byIds(
        client, projectId, DataQuery(), ids, this,
        [this, serial, request](const Result<QList<ProjectData>> &result) {
            if (serial != m_loadSerial)
                return;
            setLoading(false);
            if (!result.ok()) {
                Q_EMIT errorOccurred(result.error);
                StatusNotices::post(
                    tr("Could not read the current tags: %1").arg(result.error.toString()));
                return;
            }
            setPreview(*result.value, request);
            StatusNotices::post(summary());
        });
}

void TagPreview::setLoading(bool loading) {
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged(loading);
}

QString TagPreview::note(const Row &row) const {
    QStringList parts;
    if (row.direct && row.data.isFolder())
        parts.append(tr("Folder: everything inside it gets these changes too"));
    if (!row.viaFolders.isEmpty())
        parts.append(tr("Changed through the folder %1").arg(row.viaFolders.join(tr(", "))));
    if (!row.direct && row.viaFolders.isEmpty())
        parts.append(tr("Not in this batch"));
    else if (!row.changed())
        parts.append(tr("No change: the tags are already as asked"));
    return parts.join(QStringLiteral("; "));
}

QVariant TagPreview::rowData(const Row &row, int column, int role) const {
    const auto tagsOf = [&row](int c) -> QStringList {
        switch (c) {
        case UserTagsBeforeColumn:
            return row.userBefore;
        case UserTagsAfterColumn:
            return row.userAfter;
        case TechnicalTagsBeforeColumn:
            return row.technicalBefore;
        case TechnicalTagsAfterColumn:
            return row.technicalAfter;
        default:
            return {};
        }
    };
    const bool tagColumn = column >= UserTagsBeforeColumn && column <= TechnicalTagsAfterColumn;
    const bool afterColumn = column == UserTagsAfterColumn || column == TechnicalTagsAfterColumn;
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return row.data.name.isEmpty() ? row.data.id : row.data.name;
        if (column == PathColumn)
            return row.data.path;
        if (column == NoteColumn)
            return note(row);
        return browserformat::tagList(tagsOf(column));
    case Qt::ToolTipRole:
        if (column == NameColumn || column == PathColumn)
            return row.data.id;
        if (afterColumn) {
            const QStringList before = tagsOf(column - 1);
            const QStringList after = tagsOf(column);
            QStringList lines;
            for (const QString &tag : minus(after, before))
                lines.append(tr("+ %1").arg(tag));
            for (const QString &tag : minus(before, after))
                lines.append(tr("− %1").arg(tag));
            return lines.join(QLatin1Char('\n'));
        }
        return {};
    case DataIdRole:
        return row.data.id;
    case ChangedRole:
        return row.changed();
    case IsFolderRole:
        return row.data.isFolder();
    case TagsRole:
        return tagColumn ? QVariant(tagsOf(column)) : QVariant();
    case AddedTagsRole:
        return afterColumn ? QVariant(minus(tagsOf(column), tagsOf(column - 1))) : QVariant();
    case RemovedTagsRole:
        return afterColumn ? QVariant(minus(tagsOf(column - 1), tagsOf(column))) : QVariant();
    default:
        return {};
    }
}

int TagPreview::changedCount() const {
    return int(std::count_if(m_rows.rows().cbegin(), m_rows.rows().cend(),
                             [](const Row &row) { return row.changed(); }));
}

int TagPreview::folderCount() const {
    return int(std::count_if(m_rows.rows().cbegin(), m_rows.rows().cend(),
                             [](const Row &row) { return row.direct && row.data.isFolder(); }));
}

QString TagPreview::summary() const {
    const int changed = changedCount();
    const int same = m_rows.size() - changed;
    QString text = tr("%L1 of %L2 items change, %L3 stay as they are.")
                       .arg(changed)
                       .arg(m_rows.size())
                       .arg(same);
    if (const int folders = folderCount(); folders > 0)
        text += QLatin1Char(' ') +
                tr("%L1 folder(s) in the batch: everything inside them changes too, including "
                   "items not listed here.")
                    .arg(folders);
    if (!m_missingIds.isEmpty())
        text += QLatin1Char(' ') + tr("%L1 IDs were not found in the project: check them "
                                      "before sending, ICA will fail those items.")
                                       .arg(m_missingIds.size());
    return text;
}

} // namespace ica
