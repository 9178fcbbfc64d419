#pragma once

#include "core/domain/tagkind.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

namespace ica {

class StoreWorker;
class TagCatalog;

/// Keeps a TagCatalog in the SQLite store, per profile, so completion knows the
/// tags of earlier runs. setProfileId() empties the catalog and brings back what
/// that profile learned before (TagCatalog::remember()); what the catalog learns
/// afterwards is written, a second after the last change, through the StoreWorker
/// (only the tags whose counts changed). Nothing touches the disk on the GUI thread.
class TagCatalogKeeper final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagCatalogKeeper)
public:
    /// Neither is owned; a null store keeps nothing (the catalog still works).
    TagCatalogKeeper(TagCatalog *catalog, StoreWorker *store, QObject *parent = nullptr);
    /// Writes what is pending.
    ~TagCatalogKeeper() override;

    /// Another profile (empty: none): writes what is pending for the old one, clears
    /// the catalog and loads the new one's tags.
    void setProfileId(const QString &profileId);
    [[nodiscard]] QString profileId() const { return m_profileId; }
    /// Writes the pending changes now (tests, shutdown).
    void flush();

Q_SIGNALS:
    /// The profile's remembered tags are in the catalog (both kinds).
    void loaded();
    /// A write failed; `error` says why (the tags stay in memory).
    void errorOccurred(const QString &error);

private:
    void load();
    void onTagsChanged(ica::TagKind kind);
    void save(TagKind kind);

    QPointer<TagCatalog> m_catalog;
    QPointer<StoreWorker> m_store;
    QString m_profileId;
    quint64 m_serial = 0; ///< of the profile choice: answers for an older one are dropped
    bool m_loading = false;
    bool m_dirtyUser = false;
    bool m_dirtyTechnical = false;
    QHash<QString, int> m_savedUser;
    QHash<QString, int> m_savedTechnical;
    QTimer m_saveTimer;
};

} // namespace ica
