#include "core/monitor/batchitemsmodel.h"

namespace ica {

namespace {

QString joined(const QStringList &tags) {
    return tags.join(QStringLiteral(", "));
}

QVariant dateOrNothing(qint64 ms) {
    return ms == CompactItem::NoDate ? QVariant() : QVariant(CompactItem::date(ms));
}

} // namespace

BatchItemsModel::BatchItemsModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_rows(std::make_unique<KeyedRows<CompactItemTraits>>(this, CompactItemTraits())) {
    connect(m_rows->runner(), &RowDiffRunner::settled, this, &BatchItemsModel::settled);
}

BatchItemsModel::~BatchItemsModel() = default;

int BatchItemsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : m_rows->size();
}

int BatchItemsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

bool BatchItemsModel::isSettled() const {
    return m_rows->isSettled();
}

RowDiffRunner *BatchItemsModel::diffRunner() {
    return m_rows->runner();
}

int BatchItemsModel::rowOf(const QString &itemId) const {
    PackedText key;
    if (!PackedText::find(itemId, *m_rows->traits().pool, &key))
        return -1;
    return m_rows->rowOf(key);
}

BatchItem BatchItemsModel::itemAt(int row) const {
    return m_rows->at(row).unpack(*m_rows->traits().pool);
}

QList<BatchItem> BatchItemsModel::items() const {
    QList<BatchItem> all;
    all.reserve(m_rows->size());
    for (int row = 0; row < m_rows->size(); ++row)
        all.append(itemAt(row));
    return all;
}

QVariant BatchItemsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CompactItem &item = m_rows->at(index.row());
    const ItemValuePool &pool = *m_rows->traits().pool;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(item, column);
    case Qt::ToolTipRole:
        if (column == StatusColumn)
            return item.itemStatus(pool).toString();
        if (column == AdditionalInformationColumn && item.information != 0)
            return pool.string(item.information);
        return {};
    case SortRole:
        return sortValue(item, column);
    // Status-derived roles live on the status column only, so a status change is
    // announced by a dataChanged on the columns that really changed.
    case StatusRole:
        return column == StatusColumn ? QVariant(int(item.status)) : QVariant();
    case TerminalRole:
        return column == StatusColumn ? QVariant(item.itemStatus(pool).isTerminal()) : QVariant();
    case ItemIdRole:
        return item.id.text(pool);
    default:
        return {};
    }
}

QVariant BatchItemsModel::displayValue(const CompactItem &item, int column) const {
    const ItemValuePool &pool = *m_rows->traits().pool;
    switch (column) {
    case ItemIdColumn:
        return item.id.text(pool);
    case DataIdColumn:
        return item.dataId.text(pool);
    case StatusColumn:
        return statusLabel(item.itemStatus(pool));
    case AdditionalInformationColumn:
        return pool.string(item.information);
    case UserTagsAddedColumn:
        return joined(pool.tags(item.userAdd));
    case UserTagsRemovedColumn:
        return joined(pool.tags(item.userRemove));
    case TechnicalTagsAddedColumn:
        return joined(pool.tags(item.technicalAdd));
    case TechnicalTagsRemovedColumn:
        return joined(pool.tags(item.technicalRemove));
    case ArchiveDateColumn:
        return dateOrNothing(item.archivedAt);
    case DeleteDateColumn:
        return dateOrNothing(item.deletedAt);
    default:
        return {};
    }
}

QVariant BatchItemsModel::sortValue(const CompactItem &item, int column) const {
    if (column == StatusColumn)
        return int(item.status); // lifecycle order; Unknown first
    return displayValue(item, column);
}

QVariant BatchItemsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ItemIdColumn:
        return tr("Item ID");
    case DataIdColumn:
        return tr("Data ID");
    case StatusColumn:
        return tr("Status");
    case AdditionalInformationColumn:
        return tr("Additional information");
    case UserTagsAddedColumn:
        return tr("User tags added");
    case UserTagsRemovedColumn:
        return tr("User tags removed");
    case TechnicalTagsAddedColumn:
        return tr("Technical tags added");
    case TechnicalTagsRemovedColumn:
        return tr("Technical tags removed");
    case ArchiveDateColumn:
        return tr("Archive date");
    case DeleteDateColumn:
        return tr("Delete date");
    default:
        return {};
    }
}

QHash<int, QByteArray> BatchItemsModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(StatusRole, "status");
    names.insert(ItemIdRole, "itemId");
    names.insert(TerminalRole, "terminal");
    return names;
}

QString BatchItemsModel::sortField(int column) {
    switch (column) {
    case ItemIdColumn:
        return QStringLiteral("id");
    case DataIdColumn:
        return QStringLiteral("dataId");
    case StatusColumn:
        return QStringLiteral("status");
    default:
        return {};
    }
}

QString BatchItemsModel::statusLabel(const ItemStatus &status) {
    switch (status.value()) {
    case ItemStatus::Initialised:
        return tr("Initialised");
    case ItemStatus::WaitingResources:
        return tr("Waiting for resources");
    case ItemStatus::Updating:
        return tr("Updating");
    case ItemStatus::Updated:
        return tr("Updated");
    case ItemStatus::PartiallyUpdated:
        return tr("Partially updated");
    case ItemStatus::Failed:
        return tr("Failed");
    case ItemStatus::Unknown:
        break;
    }
    return status.toString();
}

quint32 BatchItemsModel::changedColumns(const BatchItem &a, const BatchItem &b) {
    quint32 mask = 0;
    const auto mark = [&mask](bool differs, int column) {
        if (differs)
            mask |= 1u << column;
    };
    mark(a.id != b.id, ItemIdColumn);
    mark(a.request.dataId != b.request.dataId, DataIdColumn);
    mark(a.status != b.status, StatusColumn);
    mark(a.additionalStatusInformation != b.additionalStatusInformation,
         AdditionalInformationColumn);
    mark(a.request.userTags.addTags != b.request.userTags.addTags, UserTagsAddedColumn);
    mark(a.request.userTags.removeTags != b.request.userTags.removeTags, UserTagsRemovedColumn);
    mark(a.request.technicalTags.addTags != b.request.technicalTags.addTags,
         TechnicalTagsAddedColumn);
    mark(a.request.technicalTags.removeTags != b.request.technicalTags.removeTags,
         TechnicalTagsRemovedColumn);
    mark(a.request.willBeArchivedAt != b.request.willBeArchivedAt, ArchiveDateColumn);
    mark(a.request.willBeDeletedAt != b.request.willBeDeletedAt, DeleteDateColumn);
    return mask;
}

void BatchItemsModel::applyPage(const QList<BatchItem> &items) {
    m_rows->setTarget(items); // shallow: the worker builds the compact rows
}

void BatchItemsModel::applyPages(QList<QList<BatchItem>> pages) {
    m_rows->setTarget(std::move(pages));
}

void BatchItemsModel::appendPage(const QList<BatchItem> &items) {
    m_rows->append(items, true);
}

void BatchItemsModel::setItems(const QList<BatchItem> &items) {
    m_rows->reset(items, [this]() { m_rows->traits().pool->clear(); });
}

void BatchItemsModel::clear() {
    setItems({});
}

} // namespace ica
