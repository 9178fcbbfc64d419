#include "core/monitor/namewalk.h"

#include "core/data/datanames.h"
#include "core/rows/offthread.h"

#include <QtConcurrent/QtConcurrentRun>

namespace ica {

namespace {

/// On the worker: the IDs of `ids` not in `seen` (added to it), as text, each once.
QStringList unseenIds(const QList<PackedText> &ids, const ItemValuePool &pool,
                      QSet<PackedText> &seen) {
    QStringList fresh;
    for (const PackedText &id : ids) {
        if (id.kind() == PackedText::Empty || seen.contains(id))
            continue;
        seen.insert(id);
        QString text = id.text(pool);
        if (!text.isEmpty()) // a pooled ID of rows reset meanwhile: that walk is dropped
            fresh.append(std::move(text));
    }
    return fresh;
}

} // namespace

NameWalk::NameWalk(Gather gather, std::shared_ptr<const ItemValuePool> pool, QObject *parent)
    : QObject(parent)
    , m_gather(std::move(gather))
    , m_pool(std::move(pool))
    , m_seen(std::make_shared<QSet<PackedText>>()) {
    m_start.setSingleShot(true);
    connect(&m_start, &QTimer::timeout, this, &NameWalk::walk);
    m_handOverStep.setSingleShot(true);
    m_handOverStep.setInterval(0);
    connect(&m_handOverStep, &QTimer::timeout, this, &NameWalk::handOver);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &NameWalk::onWalked);
}

NameWalk::~NameWalk() {
    // The job only holds shared copies (IDs, pool, set): it may finish on its own.
    m_watcher.disconnect(this);
}

void NameWalk::setTarget(DataNameCache *cache, const QString &projectId) {
    m_cache = cache;
    m_projectId = projectId;
    forget();
}

void NameWalk::forget() {
    ++m_serial;
    // A job under way keeps the old set; the next walk starts a new one.
    m_seen = std::make_shared<QSet<PackedText>>();
    m_seenForgetCount = m_cache ? m_cache->forgetCount() : 0;
    m_handOverStep.stop();
    destroyOffThread(std::exchange(m_fresh, {}));
    m_freshAt = 0;
}

void NameWalk::request() {
    if (!m_cache || m_projectId.isEmpty())
        return;
    m_wanted = true;
    if (!m_watcher.isRunning() && !m_start.isActive())
        m_start.start(0);
}

bool NameWalk::isIdle() const {
    return !m_wanted && !m_start.isActive() && !m_watcher.isRunning() && !m_handOverStep.isActive();
}

void NameWalk::walk() {
    if (!m_cache || m_projectId.isEmpty() || m_watcher.isRunning())
        return;
    m_wanted = false;
    if (m_cache->forgetCount() != m_seenForgetCount) {
        // Some answers were dropped (failed or past the cache's bound): ask again.
        m_seen = std::make_shared<QSet<PackedText>>();
        m_seenForgetCount = m_cache->forgetCount();
    }
    m_jobSerial = m_serial;
    m_watcher.setFuture(QtConcurrent::run([ids = m_gather(), pool = m_pool, seen = m_seen]() {
        return unseenIds(ids, *pool, *seen); // the IDs' copy is freed here too
    }));
}

void NameWalk::onWalked() {
    QStringList fresh = m_watcher.future().takeResult();
    if (m_jobSerial == m_serial && !fresh.isEmpty()) {
        m_fresh.append(std::move(fresh));
        if (!m_handOverStep.isActive())
            m_handOverStep.start();
    } else {
        destroyOffThread(std::move(fresh));
    }
    if (m_wanted)
        m_start.start(ThrottleMs);
}

void NameWalk::handOver() {
    if (!m_cache) {
        forget();
        return;
    }
    const qsizetype end = qMin(m_fresh.size(), m_freshAt + IdsPerStep);
    m_cache->resolve(m_projectId, m_fresh.mid(m_freshAt, end - m_freshAt));
    m_freshAt = end;
    if (m_freshAt < m_fresh.size()) {
        m_handOverStep.start();
        return;
    }
    destroyOffThread(std::exchange(m_fresh, {}));
    m_freshAt = 0;
}

} // namespace ica
