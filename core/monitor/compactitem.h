#pragma once

#include "core/domain/batch.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <memory>

namespace ica {

/// Repeated values of a batch's items, stored once: strings (IDs that are not UUIDs,
/// additional information, unknown status texts) and tag lists. Index 0 is the empty
/// value. Shared by the GUI thread (reading) and the worker building rows (adding),
/// hence the mutex; each call holds it for one lookup.
class ItemValuePool final {
public:
    ItemValuePool();
    [[nodiscard]] quint32 internString(const QString &text);
    [[nodiscard]] quint32 internTags(const QStringList &tags);
    [[nodiscard]] QString string(quint32 index) const;
    /// Index of a string already interned, or -1 (adds nothing: for look-ups).
    [[nodiscard]] qint64 findString(const QString &text) const;
    [[nodiscard]] QStringList tags(quint32 index) const;
    /// Forgets everything (a reset: no row refers to the values any more).
    void clear();

private:
    mutable QMutex m_mutex;
    QList<QString> m_strings;
    QHash<QString, quint32> m_stringIndex;
    QList<QStringList> m_tags;
    QHash<QStringList, quint32> m_tagIndex;
};

/// A text that is often an ID, in 20 bytes: a canonical lowercase UUID or a
/// "fil."/"fol."-style ID with 32 lowercase hex digits as 16 bytes, anything else as
/// a pool index. Equal texts pack equal (the pool interns), so packed values compare
/// and hash like the texts.
struct PackedText {
    enum Kind : quint8 { Empty, Uuid, PrefixedHex, Pooled };
    quint32 words[4] = {0, 0, 0, 0};
    quint32 meta = 0; ///< kind in the top byte, a PrefixedHex prefix's 3 letters below

    [[nodiscard]] static PackedText pack(const QString &text, ItemValuePool &pool);
    /// Packs without adding to the pool; false when `text` cannot be among the rows.
    [[nodiscard]] static bool find(const QString &text, const ItemValuePool &pool,
                                   PackedText *packed);
    [[nodiscard]] QString text(const ItemValuePool &pool) const;
    [[nodiscard]] Kind kind() const { return Kind(meta >> 24); }

    friend bool operator==(const PackedText &a, const PackedText &b) {
        return a.meta == b.meta && a.words[0] == b.words[0] && a.words[1] == b.words[1] &&
               a.words[2] == b.words[2] && a.words[3] == b.words[3];
    }
    friend bool operator!=(const PackedText &a, const PackedText &b) { return !(a == b); }
    friend size_t qHash(const PackedText &key, size_t seed = 0) {
        return qHashMulti(seed, key.words[0], key.words[1], key.words[2], key.words[3], key.meta);
    }
};

/// One BatchItem in ~88 bytes (a BatchItem of QStrings and QDateTimes costs ~850 with
/// its heap blocks): IDs packed, tag lists and texts pooled, the status an enum,
/// dates as milliseconds. Display values are built on demand.
struct CompactItem {
    static constexpr qint64 NoDate = std::numeric_limits<qint64>::min();

    PackedText id;
    PackedText dataId;
    qint64 archivedAt = NoDate; ///< ms since the epoch, UTC
    qint64 deletedAt = NoDate;
    quint32 userAdd = 0; ///< tag lists: pool indices
    quint32 userRemove = 0;
    quint32 technicalAdd = 0;
    quint32 technicalRemove = 0;
    quint32 information = 0; ///< pool index
    quint32 statusText = 0;  ///< pool index of an unknown status's text
    quint8 status = 0;       ///< ItemStatus::Value

    [[nodiscard]] static CompactItem pack(const BatchItem &item, ItemValuePool &pool);
    [[nodiscard]] BatchItem unpack(const ItemValuePool &pool) const;
    [[nodiscard]] ItemStatus itemStatus(const ItemValuePool &pool) const;
    [[nodiscard]] static QDateTime date(qint64 ms);

    friend bool operator==(const CompactItem &a, const CompactItem &b) {
        return a.id == b.id && a.dataId == b.dataId && a.archivedAt == b.archivedAt &&
               a.deletedAt == b.deletedAt && a.userAdd == b.userAdd &&
               a.userRemove == b.userRemove && a.technicalAdd == b.technicalAdd &&
               a.technicalRemove == b.technicalRemove && a.information == b.information &&
               a.statusText == b.statusText && a.status == b.status;
    }
};

/// KeyedRows traits of the items table: rows keyed by item ID.
struct CompactItemTraits {
    using Row = CompactItem;
    using Key = PackedText;
    using Input = BatchItem;
    std::shared_ptr<ItemValuePool> pool = std::make_shared<ItemValuePool>();

    [[nodiscard]] Row make(const Input &item) const { return CompactItem::pack(item, *pool); }
    [[nodiscard]] Key key(const Row &row) const { return row.id; }
    [[nodiscard]] bool same(const Row &a, const Row &b) const { return a == b; }
    /// Bit i: column i of BatchItemsModel differs.
    [[nodiscard]] quint32 changedColumns(const Row &a, const Row &b) const;
};

} // namespace ica

Q_DECLARE_TYPEINFO(ica::PackedText, Q_PRIMITIVE_TYPE);
Q_DECLARE_TYPEINFO(ica::CompactItem, Q_PRIMITIVE_TYPE);
