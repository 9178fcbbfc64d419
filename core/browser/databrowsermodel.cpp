#include "core/browser/databrowsermodel.h"

#include "core/browser/browserformat.h"
#include "core/data/dataidsmime.h"
#include "core/data/folderpath.h"

#include <algorithm>

namespace ica {

DataBrowserModel::DataBrowserModel(QObject *parent)
    : KeyedTableModel({QT_TR_NOOP("Name"), QT_TR_NOOP("Path"), QT_TR_NOOP("Type"),
                       QT_TR_NOOP("Format"), QT_TR_NOOP("Size"), QT_TR_NOOP("Status"),
                       QT_TR_NOOP("User tags"), QT_TR_NOOP("Technical tags"),
                       QT_TR_NOOP("Modified")},
                      {{SortRole, "sortValue"},
                       {DataIdRole, "dataId"},
                       {IsFolderRole, "isFolder"},
                       {PathRole, "path"},
                       {TagsRole, "tags"},
                       {UserTagsRole, "userTags"},
                       {TechnicalTagsRole, "technicalTags"}},
                      parent) {}

DataBrowserModel::~DataBrowserModel() = default;

QString DataBrowserModel::sortField(int column) {
    // The fields ICA's data listing documents for `sort` (offset paging only).
    switch (column) {
    case NameColumn:
        return QStringLiteral("name");
    case PathColumn:
        return QStringLiteral("path");
    case TypeColumn:
        return QStringLiteral("dataType");
    case FormatColumn:
        return QStringLiteral("format");
    case SizeColumn:
        return QStringLiteral("fileSizeInBytes");
    case StatusColumn:
        return QStringLiteral("status");
    case ModifiedColumn:
        return QStringLiteral("timeModified");
    default:
        return QString(); // tags: ICA cannot sort on them
    }
}

void DataBrowserModel::sort(int column, Qt::SortOrder order) {
    if (m_pager)
        m_pager->sort(column, order);
}

// --- QAbstractItemModel ------------------------------------------------------------

QVariant DataBrowserModel::rowData(const ProjectData &item, int column, int role) const {
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(item, column);
    case Qt::ToolTipRole:
        if (column == NameColumn || column == PathColumn)
            return item.path;
        if (column == UserTagsColumn)
            return item.tags.userTags.join(QLatin1Char('\n'));
        if (column == TechnicalTagsColumn)
            return item.tags.technicalTags.join(QLatin1Char('\n'));
        if (column == SizeColumn && item.sizeInBytes)
            return tr("%L1 bytes").arg(*item.sizeInBytes);
        return {};
    case Qt::TextAlignmentRole:
        if (column == SizeColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case SortRole:
        return sortValue(item, column);
    case DataIdRole:
        return item.id;
    case IsFolderRole:
        return item.isFolder();
    case PathRole:
        return item.path;
    case TagsRole:
        if (column == UserTagsColumn)
            return item.tags.userTags;
        if (column == TechnicalTagsColumn)
            return item.tags.technicalTags;
        return {};
    case UserTagsRole:
        return item.tags.userTags;
    case TechnicalTagsRole:
        return item.tags.technicalTags;
    default:
        return {};
    }
}

QVariant DataBrowserModel::displayValue(const ProjectData &item, int column) const {
    switch (column) {
    case NameColumn:
        return item.name;
    case PathColumn:
        return item.path;
    case TypeColumn:
        return browserformat::typeLabel(item);
    case FormatColumn:
        return item.formatCode;
    case SizeColumn:
        return item.sizeInBytes && !item.isFolder() ? browserformat::dataSize(*item.sizeInBytes)
                                                    : QString();
    case StatusColumn:
        return browserformat::statusLabel(item.status);
    case UserTagsColumn:
        return browserformat::tagList(item.tags.userTags);
    case TechnicalTagsColumn:
        return browserformat::tagList(item.tags.technicalTags);
    case ModifiedColumn:
        return item.timeModified.isValid() ? QVariant(item.timeModified) : QVariant();
    default:
        return {};
    }
}

QVariant DataBrowserModel::sortValue(const ProjectData &item, int column) const {
    switch (column) {
    case TypeColumn:
        return item.isFolder() ? 0 : 1;
    case SizeColumn:
        return item.sizeInBytes && !item.isFolder() ? QVariant(qlonglong(*item.sizeInBytes))
                                                    : QVariant();
    case StatusColumn:
        return item.status;
    default:
        return displayValue(item, column);
    }
}

QVariant DataBrowserModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole) {
        return canSort(section) ? tr("Click to have ICA sort the listing by this column")
                                : tr("ICA cannot sort by tags");
    }
    return KeyedTableModel::headerData(section, orientation, role);
}

Qt::ItemFlags DataBrowserModel::flags(const QModelIndex &index) const {
    const Qt::ItemFlags base = QAbstractTableModel::flags(index);
    return index.isValid() ? base | Qt::ItemIsDragEnabled : base;
}

QStringList DataBrowserModel::mimeTypes() const {
    return {DataIdsMime::type(), QStringLiteral("text/plain")};
}

QMimeData *DataBrowserModel::mimeData(const QModelIndexList &indexes) const {
    // A row dragged whole arrives once per column: one ID per row, in row order.
    QList<int> rows;
    rows.reserve(indexes.size());
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && index.model() == this && index.row() < m_rows.size())
            rows.append(index.row());
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QStringList ids;
    ids.reserve(rows.size());
    for (const int row : std::as_const(rows))
        ids.append(m_rows.at(row).id);
    return DataIdsMime::create(ids);
}

bool DataBrowserModel::canFetchMore(const QModelIndex &parent) const {
    return !parent.isValid() && m_pager && m_pager->canFetchMore();
}

void DataBrowserModel::fetchMore(const QModelIndex &parent) {
    if (canFetchMore(parent))
        m_pager->fetchMore();
}

void DataBrowserModel::clear() {
    m_rows.reset({});
}

} // namespace ica
