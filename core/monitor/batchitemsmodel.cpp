#include "core/monitor/batchitemsmodel.h"

#include "core/data/datanames.h"

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
    : KeyedTableModel({QT_TR_NOOP("Item ID"), QT_TR_NOOP("Data ID"), QT_TR_NOOP("Status"),
                       QT_TR_NOOP("Additional information"), QT_TR_NOOP("User tags added"),
                       QT_TR_NOOP("User tags removed"), QT_TR_NOOP("Technical tags added"),
                       QT_TR_NOOP("Technical tags removed"), QT_TR_NOOP("Archive date"),
                       QT_TR_NOOP("Delete date"), QT_TR_NOOP("Name"), QT_TR_NOOP("Path")},
                      {{SortRole, "sortValue"},
                       {StatusRole, "status"},
                       {ItemIdRole, "itemId"},
                       {TerminalRole, "terminal"},
                       {NameStateRole, "nameState"}},
                      parent)
    , m_nameWalk(
          [this]() {
              // 20 bytes a row, no text built: the worker finds the new IDs.
              QList<PackedText> ids;
              ids.reserve(m_rows.size());
              for (int row = 0; row < m_rows.size(); ++row)
                  ids.append(m_rows.at(row).dataId);
              return ids;
          },
          m_rows.traits().pool) {}

BatchItemsModel::~BatchItemsModel() = default;

int BatchItemsModel::rowOf(const QString &itemId) const {
    PackedText key;
    if (!PackedText::find(itemId, *m_rows.traits().pool, &key))
        return -1;
    return m_rows.rowOf(key);
}

BatchItem BatchItemsModel::itemAt(int row) const {
    return m_rows.at(row).unpack(*m_rows.traits().pool);
}

QList<BatchItem> BatchItemsModel::items() const {
    QList<BatchItem> all;
    all.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row)
        all.append(itemAt(row));
    return all;
}

QVariant BatchItemsModel::rowData(const CompactItem &item, int column, int role) const {
    const ItemValuePool &pool = *m_rows.traits().pool;
    if (column == NameColumn || column == PathColumn)
        return nameData(item, column, role);
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
    const ItemValuePool &pool = *m_rows.traits().pool;
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

QVariant BatchItemsModel::nameData(const CompactItem &item, int column, int role) const {
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole &&
        role != NameStateRole && role != ItemIdRole)
        return {};
    if (role == ItemIdRole)
        return item.id.text(*m_rows.traits().pool);
    const DataName name =
        m_names ? m_names->name(m_projectId, item.dataId.text(*m_rows.traits().pool)) : DataName();
    if (role == NameStateRole)
        return int(name.state);
    switch (name.state) {
    case DataName::State::Found:
        return column == NameColumn ? name.name : name.path;
    case DataName::State::NotFound:
        if (role == Qt::ToolTipRole)
            return tr("The project has no data with this ID");
        return role == SortRole ? QString() : tr("not found");
    case DataName::State::Pending:
        return role == Qt::DisplayRole ? QStringLiteral("…") : QVariant();
    case DataName::State::Unknown:
        break;
    }
    return {};
}

const DataName *BatchItemsModel::nameAt(int row) const {
    if (!m_names)
        return nullptr;
    return m_names->find(m_projectId, m_rows.at(row).dataId.text(*m_rows.traits().pool));
}

void BatchItemsModel::setNameSource(DataNameCache *cache, const QString &projectId) {
    if (cache == m_names && projectId == m_projectId)
        return;
    if (cache != m_names) {
        disconnect(m_namesConnection);
        m_names = cache;
        if (cache)
            m_namesConnection = connect(cache, &DataNameCache::namesResolved, this,
                                        &BatchItemsModel::onNamesResolved);
    }
    m_projectId = projectId;
    m_nameWalk.setTarget(cache, projectId);
    onNamesResolved(projectId); // cells of another project: show what is known
    requestNames();
}

void BatchItemsModel::requestNames() {
    m_nameWalk.request();
}

void BatchItemsModel::onNamesResolved(const QString &projectId) {
    if (projectId != m_projectId || m_namesDirty)
        return;
    // Several answers in one turn make one signal: the Name and Path columns of every
    // row, never a reset and never a signal per row.
    m_namesDirty = true;
    QMetaObject::invokeMethod(
        this,
        [this]() {
            m_namesDirty = false;
            if (rowCount() > 0)
                Q_EMIT dataChanged(index(0, NameColumn), index(rowCount() - 1, PathColumn),
                                   {Qt::DisplayRole, Qt::ToolTipRole, SortRole, NameStateRole});
        },
        Qt::QueuedConnection);
}

QVariant BatchItemsModel::sortValue(const CompactItem &item, int column) const {
    if (column == StatusColumn)
        return int(item.status); // lifecycle order; Unknown first
    return displayValue(item, column);
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
    ColumnMask mask;
    mask.mark(a.id != b.id, ItemIdColumn);
    mask.mark(a.request.dataId != b.request.dataId, DataIdColumn);
    mask.mark(a.status != b.status, StatusColumn);
    mask.mark(a.additionalStatusInformation != b.additionalStatusInformation,
              AdditionalInformationColumn);
    mask.mark(a.request.userTags.addTags != b.request.userTags.addTags, UserTagsAddedColumn);
    mask.mark(a.request.userTags.removeTags != b.request.userTags.removeTags,
              UserTagsRemovedColumn);
    mask.mark(a.request.technicalTags.addTags != b.request.technicalTags.addTags,
              TechnicalTagsAddedColumn);
    mask.mark(a.request.technicalTags.removeTags != b.request.technicalTags.removeTags,
              TechnicalTagsRemovedColumn);
    mask.mark(a.request.willBeArchivedAt != b.request.willBeArchivedAt, ArchiveDateColumn);
    mask.mark(a.request.willBeDeletedAt != b.request.willBeDeletedAt, DeleteDateColumn);
    return mask.bits();
}

void BatchItemsModel::applyPage(const QList<BatchItem> &items) {
    m_rows.setTarget(items); // shallow: the worker builds the compact rows
}

void BatchItemsModel::applyPages(QList<QList<BatchItem>> pages) {
    m_rows.setTarget(std::move(pages));
}

void BatchItemsModel::appendPage(const QList<BatchItem> &items) {
    m_rows.append(items, true);
}

void BatchItemsModel::setItems(const QList<BatchItem> &items) {
    m_nameWalk.forget(); // pooled IDs are numbered anew
    m_rows.reset(items, [this]() { m_rows.traits().pool->clear(); });
}

void BatchItemsModel::clear() {
    setItems({});
}

} // namespace ica
