#include "core/monitor/compactitem.h"

#include "core/monitor/batchitemsmodel.h"

#include <QMutexLocker>
#include <QTimeZone>

namespace ica {

namespace {

int hexValue(QChar c) {
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    return -1; // upper case too: it would not come back the same
}

/// 32 lowercase hex digits of `text` from `from`, skipping the dash positions given.
bool readHex(const QString &text, int from, const int *dashes, int dashCount, quint32 (&words)[4]) {
    int nibble = 0;
    for (int i = from; i < text.size(); ++i) {
        bool dash = false;
        for (int k = 0; k < dashCount; ++k)
            dash = dash || i == dashes[k];
        if (dash) {
            if (text.at(i) != QLatin1Char('-'))
                return false;
            continue;
        }
        const int v = hexValue(text.at(i));
        if (v < 0 || nibble >= 32)
            return false;
        words[nibble / 8] = (words[nibble / 8] << 4) | quint32(v);
        ++nibble;
    }
    return nibble == 32;
}

void writeHex(const quint32 (&words)[4], const int *dashes, int dashCount, QChar *out) {
    static const char digits[] = "0123456789abcdef";
    int nibble = 0;
    for (int i = 0; nibble < 32; ++i) {
        bool dash = false;
        for (int k = 0; k < dashCount; ++k)
            dash = dash || i == dashes[k];
        if (dash) {
            out[i] = QLatin1Char('-');
            continue;
        }
        const quint32 word = words[nibble / 8];
        out[i] = QLatin1Char(digits[(word >> (28 - 4 * (nibble % 8))) & 0xF]);
        ++nibble;
    }
}

constexpr int UuidDashes[] = {8, 13, 18, 23};

} // namespace

// --- Pool ------------------------------------------------------------------------------

ItemValuePool::ItemValuePool() {
    clear();
}

void ItemValuePool::clear() {
    QMutexLocker lock(&m_mutex);
    m_strings = {QString()};
    m_stringIndex = {{QString(), 0}};
    m_tags = {QStringList()};
    m_tagIndex = {{QStringList(), 0}};
}

quint32 ItemValuePool::internString(const QString &text) {
    if (text.isEmpty())
        return 0;
    QMutexLocker lock(&m_mutex);
    const auto it = m_stringIndex.constFind(text);
    if (it != m_stringIndex.constEnd())
        return it.value();
    const auto index = quint32(m_strings.size());
    m_strings.append(text);
    m_stringIndex.insert(text, index);
    return index;
}

quint32 ItemValuePool::internTags(const QStringList &tags) {
    if (tags.isEmpty())
        return 0;
    QMutexLocker lock(&m_mutex);
    const auto it = m_tagIndex.constFind(tags);
    if (it != m_tagIndex.constEnd())
        return it.value();
    const auto index = quint32(m_tags.size());
    m_tags.append(tags);
    m_tagIndex.insert(tags, index);
    return index;
}

QString ItemValuePool::string(quint32 index) const {
    QMutexLocker lock(&m_mutex);
    return index < quint32(m_strings.size()) ? m_strings.at(index) : QString();
}

qint64 ItemValuePool::findString(const QString &text) const {
    if (text.isEmpty())
        return 0;
    QMutexLocker lock(&m_mutex);
    return m_stringIndex.value(text, -1);
}

QStringList ItemValuePool::tags(quint32 index) const {
    QMutexLocker lock(&m_mutex);
    return index < quint32(m_tags.size()) ? m_tags.at(index) : QStringList();
}

// --- Packed text -----------------------------------------------------------------------

bool PackedText::find(const QString &text, const ItemValuePool &pool, PackedText *packed) {
    ItemValuePool scratch; // never used: pack() only interns what find() checks below
    const qint64 index = pool.findString(text);
    *packed = pack(text, scratch);
    if (packed->kind() != Pooled)
        return true;
    if (index < 0)
        return false;
    packed->words[0] = quint32(index);
    return true;
}

PackedText PackedText::pack(const QString &text, ItemValuePool &pool) {
    PackedText packed;
    if (text.isEmpty())
        return packed;
    if (text.size() == 36 && text.at(8) == QLatin1Char('-') &&
        readHex(text, 0, UuidDashes, 4, packed.words)) {
        packed.meta = quint32(Uuid) << 24;
        return packed;
    }
    packed = PackedText();
    if (text.size() == 36 && text.at(3) == QLatin1Char('.')) {
        quint32 prefix = 0;
        bool letters = true;
        for (int i = 0; i < 3; ++i) {
            const char16_t u = text.at(i).unicode();
            letters = letters && u >= u'a' && u <= u'z';
            prefix = (prefix << 8) | (u & 0xFF);
        }
        if (letters && readHex(text, 4, nullptr, 0, packed.words)) {
            packed.meta = (quint32(PrefixedHex) << 24) | prefix;
            return packed;
        }
    }
    packed = PackedText();
    packed.words[0] = pool.internString(text);
    packed.meta = quint32(Pooled) << 24;
    return packed;
}

QString PackedText::text(const ItemValuePool &pool) const {
    switch (kind()) {
    case Empty:
        return {};
    case Uuid: {
        QString out(36, Qt::Uninitialized);
        writeHex(words, UuidDashes, 4, out.data());
        return out;
    }
    case PrefixedHex: {
        QString out(36, Qt::Uninitialized);
        QChar *data = out.data();
        data[0] = QLatin1Char(char((meta >> 16) & 0xFF));
        data[1] = QLatin1Char(char((meta >> 8) & 0xFF));
        data[2] = QLatin1Char(char(meta & 0xFF));
        data[3] = QLatin1Char('.');
        writeHex(words, nullptr, 0, data + 4);
        return out;
    }
    case Pooled:
        return pool.string(words[0]);
    }
    return {};
}

// --- Compact item ----------------------------------------------------------------------

CompactItem CompactItem::pack(const BatchItem &item, ItemValuePool &pool) {
    CompactItem row;
    row.id = PackedText::pack(item.id, pool);
    row.dataId = PackedText::pack(item.request.dataId, pool);
    const auto ms = [](const QDateTime &when) {
        return when.isValid() ? when.toMSecsSinceEpoch() : NoDate;
    };
    row.archivedAt = ms(item.request.willBeArchivedAt);
    row.deletedAt = ms(item.request.willBeDeletedAt);
    row.userAdd = pool.internTags(item.request.userTags.addTags);
    row.userRemove = pool.internTags(item.request.userTags.removeTags);
    row.technicalAdd = pool.internTags(item.request.technicalTags.addTags);
    row.technicalRemove = pool.internTags(item.request.technicalTags.removeTags);
    row.information = pool.internString(item.additionalStatusInformation);
    row.status = quint8(item.status.value());
    if (item.status.value() == ItemStatus::Unknown)
        row.statusText = pool.internString(item.status.toString());
    return row;
}

QDateTime CompactItem::date(qint64 ms) {
    return ms == NoDate ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
}

ItemStatus CompactItem::itemStatus(const ItemValuePool &pool) const {
    if (status == ItemStatus::Unknown)
        return ItemStatus::fromString(pool.string(statusText));
    return ItemStatus(ItemStatus::Value(status));
}

BatchItem CompactItem::unpack(const ItemValuePool &pool) const {
    BatchItem item;
    item.id = id.text(pool);
    item.request.dataId = dataId.text(pool);
    item.request.userTags.addTags = pool.tags(userAdd);
    item.request.userTags.removeTags = pool.tags(userRemove);
    item.request.technicalTags.addTags = pool.tags(technicalAdd);
    item.request.technicalTags.removeTags = pool.tags(technicalRemove);
    item.request.willBeArchivedAt = date(archivedAt);
    item.request.willBeDeletedAt = date(deletedAt);
    item.status = itemStatus(pool);
    item.additionalStatusInformation = pool.string(information);
    return item;
}

quint32 CompactItemTraits::changedColumns(const Row &a, const Row &b) const {
    ColumnMask mask;
    mask.mark(a.id != b.id, BatchItemsModel::ItemIdColumn);
    mask.mark(a.dataId != b.dataId, BatchItemsModel::DataIdColumn);
    mask.mark(a.status != b.status || a.statusText != b.statusText, BatchItemsModel::StatusColumn);
    mask.mark(a.information != b.information, BatchItemsModel::AdditionalInformationColumn);
    mask.mark(a.userAdd != b.userAdd, BatchItemsModel::UserTagsAddedColumn);
    mask.mark(a.userRemove != b.userRemove, BatchItemsModel::UserTagsRemovedColumn);
    mask.mark(a.technicalAdd != b.technicalAdd, BatchItemsModel::TechnicalTagsAddedColumn);
    mask.mark(a.technicalRemove != b.technicalRemove, BatchItemsModel::TechnicalTagsRemovedColumn);
    mask.mark(a.archivedAt != b.archivedAt, BatchItemsModel::ArchiveDateColumn);
    mask.mark(a.deletedAt != b.deletedAt, BatchItemsModel::DeleteDateColumn);
    return mask.bits();
}

} // namespace ica
