#include "core/data/tagcatalog.h"

#include <QSet>

#include <algorithm>

namespace ica {

TagCatalog::TagCatalog(QObject *parent)
    : QObject(parent) {}

bool TagCatalog::learnItem(Book &book, const QString &dataId, const QStringList &tags) {
    const QStringList unique = QStringList(QSet<QString>(tags.begin(), tags.end()).values());
    const auto seen = book.seenTags.constFind(dataId);
    if (seen != book.seenTags.constEnd()) {
        if (QSet<QString>(seen->begin(), seen->end()) ==
            QSet<QString>(unique.begin(), unique.end()))
            return false;
        for (const QString &tag : *seen)
            book.counts[tag] = qMax(0, book.counts.value(tag) - 1);
    }
    for (const QString &tag : unique)
        ++book.counts[tag];
    book.seenTags.insert(dataId, unique);
    return true;
}

void TagCatalog::learnData(const QList<ProjectData> &items) {
    bool user = false;
    bool technical = false;
    for (const ProjectData &item : items) {
        if (item.id.isEmpty())
            continue;
        user = learnItem(m_user, item.id, item.tags.userTags) || user;
        technical = learnItem(m_technical, item.id, item.tags.technicalTags) || technical;
    }
    if (user)
        Q_EMIT tagsChanged(TagKind::User);
    if (technical)
        Q_EMIT tagsChanged(TagKind::Technical);
}

void TagCatalog::learnInput(TagKind kind, const QStringList &tags) {
    Book &b = book(kind);
    bool changed = false;
    QSet<QString> counted;
    for (const QString &raw : tags) {
        const QString tag = raw.trimmed();
        if (tag.isEmpty() || counted.contains(tag))
            continue;
        counted.insert(tag);
        ++b.counts[tag];
        changed = true;
    }
    if (changed)
        Q_EMIT tagsChanged(kind);
}

void TagCatalog::learnRequest(const CreateBatchRequest &request) {
    QStringList user;
    QStringList technical;
    for (const DataUpdateGroup &group : request.dataUpdateGroups) {
        user += group.userTags.addTags;
        technical += group.technicalTags.addTags;
    }
    learnInput(TagKind::User, user);
    learnInput(TagKind::Technical, technical);
}

int TagCatalog::countIn(const Book &b, const QString &tag) {
    return qMax(b.counts.value(tag), b.remembered.value(tag));
}

bool TagCatalog::ranksBefore(const Book &b, const QString &x, const QString &y) const {
    const int cx = countIn(b, x);
    const int cy = countIn(b, y);
    if (cx != cy)
        return cx > cy;
    const int c = x.compare(y, Qt::CaseInsensitive);
    return c != 0 ? c < 0 : x < y;
}

QStringList TagCatalog::tags(TagKind kind) const {
    const Book &b = book(kind);
    QStringList all = b.counts.keys();
    for (auto it = b.remembered.cbegin(); it != b.remembered.cend(); ++it) {
        if (!b.counts.contains(it.key()))
            all.append(it.key());
    }
    std::sort(all.begin(), all.end(),
              [&](const QString &x, const QString &y) { return ranksBefore(b, x, y); });
    return all;
}

QStringList TagCatalog::completions(TagKind kind, const QString &prefix, int limit) const {
    const QString wanted = prefix.trimmed();
    QStringList starting;
    QStringList containing;
    for (const QString &tag : tags(kind)) {
        if (tag.startsWith(wanted, Qt::CaseInsensitive))
            starting.append(tag);
        else if (tag.contains(wanted, Qt::CaseInsensitive))
            containing.append(tag);
    }
    starting.append(containing);
    if (limit > 0 && starting.size() > limit)
        starting.resize(limit);
    return starting;
}

int TagCatalog::useCount(TagKind kind, const QString &tag) const {
    return countIn(book(kind), tag);
}

int TagCatalog::tagCount(TagKind kind) const {
    const Book &b = book(kind);
    qsizetype n = b.counts.size();
    for (auto it = b.remembered.cbegin(); it != b.remembered.cend(); ++it)
        n += b.counts.contains(it.key()) ? 0 : 1;
    return int(n);
}

QHash<QString, int> TagCatalog::useCounts(TagKind kind) const {
    const Book &b = book(kind);
    QHash<QString, int> all = b.remembered;
    for (auto it = b.counts.cbegin(); it != b.counts.cend(); ++it)
        all.insert(it.key(), qMax(it.value(), b.remembered.value(it.key())));
    return all;
}

void TagCatalog::remember(TagKind kind, const QHash<QString, int> &counts) {
    Book &b = book(kind);
    bool changed = false;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.key().trimmed().isEmpty() || it.value() <= b.remembered.value(it.key()))
            continue;
        b.remembered.insert(it.key(), it.value());
        changed = true;
    }
    if (changed)
        Q_EMIT tagsChanged(kind);
}

void TagCatalog::clear() {
    const bool user = !m_user.counts.isEmpty() || !m_user.remembered.isEmpty();
    const bool technical = !m_technical.counts.isEmpty() || !m_technical.remembered.isEmpty();
    m_user = Book();
    m_technical = Book();
    if (user)
        Q_EMIT tagsChanged(TagKind::User);
    if (technical)
        Q_EMIT tagsChanged(TagKind::Technical);
}

// --- TagCompletionModel --------------------------------------------------------------

TagCompletionModel::TagCompletionModel(TagCatalog *catalog, TagKind kind, QObject *parent)
    : QAbstractListModel(parent)
    , m_catalog(catalog)
    , m_kind(kind) {
    if (!catalog)
        return;
    connect(catalog, &TagCatalog::tagsChanged, this, [this](TagKind changed) {
        if (changed == m_kind)
            sync();
    });
    sync();
}

int TagCompletionModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_tags.size());
}

QVariant TagCompletionModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &tag = m_tags.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return tag;
    case Qt::ToolTipRole: {
        const int count = m_counts.value(tag);
        return count == 1 ? tr("Seen once") : tr("Seen %L1 times").arg(count);
    }
    case UseCountRole:
        return m_counts.value(tag);
    default:
        return {};
    }
}

QHash<int, QByteArray> TagCompletionModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(UseCountRole, "useCount");
    return names;
}

void TagCompletionModel::sync() {
    // Tags never leave the catalog except through clear().
    const QStringList target = m_catalog ? m_catalog->tags(m_kind) : QStringList();
    if (target.size() < m_tags.size()) {
        beginResetModel();
        m_tags = target;
        m_counts.clear();
        for (const QString &tag : target)
            m_counts.insert(tag, m_catalog->useCount(m_kind, tag));
        endResetModel();
        return;
    }
    // 1. New tags at the end, in one block.
    QStringList fresh;
    for (const QString &tag : target) {
        if (!m_counts.contains(tag))
            fresh.append(tag);
    }
    if (!fresh.isEmpty()) {
        beginInsertRows(QModelIndex(), int(m_tags.size()), int(m_tags.size() + fresh.size()) - 1);
        for (const QString &tag : std::as_const(fresh)) {
            m_tags.append(tag);
            m_counts.insert(tag, m_catalog->useCount(m_kind, tag));
        }
        endInsertRows();
    }
    // 2. Into rank order with one layout change; persistent indexes follow their tags.
    if (m_tags != target) {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        QHash<QString, int> newRow;
        for (int row = 0; row < target.size(); ++row)
            newRow.insert(target.at(row), row);
        const QModelIndexList from = persistentIndexList();
        QModelIndexList to;
        to.reserve(from.size());
        for (const QModelIndex &index : from)
            to.append(index.isValid() ? createIndex(newRow.value(m_tags.at(index.row())), 0)
                                      : QModelIndex());
        m_tags = target;
        changePersistentIndexList(from, to);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }
    // 3. New counts.
    int first = -1;
    int last = -1;
    for (int row = 0; row < m_tags.size(); ++row) {
        const int count = m_catalog->useCount(m_kind, m_tags.at(row));
        if (m_counts.value(m_tags.at(row)) == count)
            continue;
        m_counts.insert(m_tags.at(row), count);
        first = first < 0 ? row : first;
        last = row;
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first), index(last), {Qt::ToolTipRole, UseCountRole});
}

} // namespace ica
