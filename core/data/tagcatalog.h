#pragma once

#include "core/domain/batch.h"
#include "core/domain/projectdata.h"
#include "core/domain/tagkind.h"

#include <QAbstractListModel>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace ica {

/// The tags this client has seen, for autocompletion. ICA has no endpoint that lists
/// tags, so the catalog learns them from every listing the browser receives
/// (connect DataBrowserModel::dataReceived to learnData()) and from what the user
/// types in the composer (learnInput()).
///
/// A tag's use count is the number of distinct data items seen carrying it (seeing
/// an item again replaces what it carried before, so refreshes do not inflate it)
/// plus the times the user entered it. Tags once seen stay in the catalog.
///
/// What an earlier run learned comes back through remember() (TagCatalogKeeper
/// keeps it in the SQLite store): a remembered count is a floor, not added to what
/// this run sees, since this run sees the same items again.
class TagCatalog final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagCatalog)
public:
    explicit TagCatalog(QObject *parent = nullptr);

    /// Learns the user and technical tags of the items.
    void learnData(const QList<ica::ProjectData> &items);
    /// Learns tags the user entered (each call counts once per tag).
    void learnInput(ica::TagKind kind, const QStringList &tags);
    /// Learns the tags a batch adds (once per tag and kind), when it was sent.
    void learnRequest(const ica::CreateBatchRequest &request);

    /// Tags that start with `prefix` (ignoring case), most used first, then those that
    /// merely contain it; at most `limit` (0: all). An empty prefix: the most used.
    [[nodiscard]] QStringList completions(TagKind kind, const QString &prefix,
                                          int limit = 20) const;
    /// Every tag of a kind, most used first (ties: alphabetical, ignoring case).
    [[nodiscard]] QStringList tags(TagKind kind) const;
    [[nodiscard]] int useCount(TagKind kind, const QString &tag) const;
    [[nodiscard]] int tagCount(TagKind kind) const;
    /// Counts learned before (an earlier run): each tag's use count is at least its
    /// remembered count. Only raises counts.
    void remember(ica::TagKind kind, const QHash<QString, int> &counts);
    /// Every tag of a kind with its use count (what remember() takes back).
    [[nodiscard]] QHash<QString, int> useCounts(TagKind kind) const;
    /// Forgets everything (another account, say), remembered counts included.
    void clear();

Q_SIGNALS:
    /// Tags of that kind were added or their counts changed.
    void tagsChanged(ica::TagKind kind);

private:
    struct Book {
        QHash<QString, int> counts;           ///< tag -> use count
        QHash<QString, QStringList> seenTags; ///< data ID -> tags it carried when last seen
        QHash<QString, int> remembered;       ///< tag -> count from remember()
    };
    [[nodiscard]] Book &book(TagKind kind) { return kind == TagKind::User ? m_user : m_technical; }
    [[nodiscard]] const Book &book(TagKind kind) const {
        return kind == TagKind::User ? m_user : m_technical;
    }
    /// True when something changed.
    static bool learnItem(Book &book, const QString &dataId, const QStringList &tags);
    [[nodiscard]] static int countIn(const Book &book, const QString &tag);
    [[nodiscard]] bool ranksBefore(const Book &book, const QString &a, const QString &b) const;

    Book m_user;
    Book m_technical;
};

/// The tags of one kind from a TagCatalog, most used first, as a list model for a
/// QCompleter (DisplayRole/EditRole: the tag). Follows the catalog: new tags are
/// inserted, a change of rank is a layout change, a new count a dataChanged.
class TagCompletionModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagCompletionModel)
public:
    enum Role {
        UseCountRole = Qt::UserRole + 1, ///< int
    };
    Q_ENUM(Role)

    /// `catalog` is not owned.
    TagCompletionModel(TagCatalog *catalog, TagKind kind, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] TagKind kind() const { return m_kind; }

private:
    void sync();

    QPointer<TagCatalog> m_catalog;
    TagKind m_kind;
    QStringList m_tags;
    QHash<QString, int> m_counts;
};

} // namespace ica
