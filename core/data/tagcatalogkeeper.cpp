#include "core/data/tagcatalogkeeper.h"

#include "core/data/tagcatalog.h"
#include "core/store/storeworker.h"

#include <memory>
#include <utility>

namespace ica {

namespace {

constexpr int SaveDelayMs = 1000;

} // namespace

TagCatalogKeeper::TagCatalogKeeper(TagCatalog *catalog, StoreWorker *store, QObject *parent)
    : QObject(parent)
    , m_catalog(catalog)
    , m_store(store) {
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(SaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &TagCatalogKeeper::flush);
    if (catalog)
        connect(catalog, &TagCatalog::tagsChanged, this, &TagCatalogKeeper::onTagsChanged);
}

TagCatalogKeeper::~TagCatalogKeeper() {
    flush();
}

void TagCatalogKeeper::setProfileId(const QString &profileId) {
    if (profileId == m_profileId)
        return;
    flush();
    m_profileId = profileId;
    ++m_serial;
    m_savedUser.clear();
    m_savedTechnical.clear();
    // Tags seen with another account are no help (and may not be this one's business).
    m_loading = true; // the clear is not a change to write
    if (m_catalog)
        m_catalog->clear();
    m_loading = false;
    load();
}

void TagCatalogKeeper::load() {
    if (!m_store || !m_catalog || m_profileId.isEmpty())
        return;
    const quint64 serial = m_serial;
    auto pending = std::make_shared<int>(2);
    for (const TagKind kind : {TagKind::User, TagKind::Technical}) {
        m_store->loadTags(m_profileId, kind, this,
                          [this, serial, kind, pending](const StoreResult<QHash<QString, int>> &r) {
                              if (serial != m_serial || !m_catalog)
                                  return; // another profile was chosen meanwhile
                              if (!r.ok()) {
                                  Q_EMIT errorOccurred(r.error);
                              } else {
                                  // Saved already: remembering them is not a change to write.
                                  (kind == TagKind::User ? m_savedUser : m_savedTechnical) =
                                      r.value;
                                  m_catalog->remember(kind, r.value);
                              }
                              if (--*pending == 0)
                                  Q_EMIT loaded();
                          });
    }
}

void TagCatalogKeeper::onTagsChanged(TagKind kind) {
    if (m_loading || m_profileId.isEmpty() || !m_store)
        return;
    (kind == TagKind::User ? m_dirtyUser : m_dirtyTechnical) = true;
    m_saveTimer.start();
}

void TagCatalogKeeper::flush() {
    m_saveTimer.stop();
    if (std::exchange(m_dirtyUser, false))
        save(TagKind::User);
    if (std::exchange(m_dirtyTechnical, false))
        save(TagKind::Technical);
}

void TagCatalogKeeper::save(TagKind kind) {
    if (!m_store || !m_catalog || m_profileId.isEmpty())
        return;
    QHash<QString, int> &saved = kind == TagKind::User ? m_savedUser : m_savedTechnical;
    const QHash<QString, int> now = m_catalog->useCounts(kind);
    QHash<QString, int> changed;
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        if (saved.value(it.key(), -1) != it.value())
            changed.insert(it.key(), it.value());
    }
    if (changed.isEmpty())
        return;
    for (auto it = changed.cbegin(); it != changed.cend(); ++it)
        saved.insert(it.key(), it.value());
    const quint64 serial = m_serial;
    // No context: a write posted at shutdown still runs (the worker finishes posted work).
    m_store->saveTags(m_profileId, kind, changed, nullptr,
                      [keeper = QPointer<TagCatalogKeeper>(this), serial, kind,
                       changed](const StoreResult<bool> &r) {
                          if (r.ok() || !keeper || serial != keeper->m_serial)
                              return;
                          // Written again with the next change.
                          QHash<QString, int> &saved = kind == TagKind::User
                                                           ? keeper->m_savedUser
                                                           : keeper->m_savedTechnical;
                          for (auto it = changed.cbegin(); it != changed.cend(); ++it)
                              saved.remove(it.key());
                          Q_EMIT keeper->errorOccurred(r.error);
                      });
}

} // namespace ica
