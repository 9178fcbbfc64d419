#include "core/composer/sparedstringlist.h"

#include "core/rows/offthread.h"

#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace ica {

SparedStringList::SparedStringList(const SparedStringList &other)
    : m_list(other.m_list) {}

SparedStringList &SparedStringList::operator=(const SparedStringList &other) {
    if (this != &other) {
        m_list = other.m_list;
        dropSpare(); // it held the old strings
    }
    return *this;
}

SparedStringList::SparedStringList(SparedStringList &&other) noexcept
    : m_list(std::exchange(other.m_list, QStringList()))
    , m_spare(std::exchange(other.m_spare, QStringList()))
    , m_spareReady(std::exchange(other.m_spareReady, false))
    , m_copying(std::exchange(other.m_copying, QFuture<QStringList>()))
    , m_log(std::exchange(other.m_log, QList<Edit>()))
    , m_swaps(other.m_swaps) {}

SparedStringList &SparedStringList::operator=(SparedStringList &&other) noexcept {
    if (this != &other) {
        dropSpare();
        m_list = std::exchange(other.m_list, QStringList());
        m_spare = std::exchange(other.m_spare, QStringList());
        m_spareReady = std::exchange(other.m_spareReady, false);
        m_copying = std::exchange(other.m_copying, QFuture<QStringList>());
        m_log = std::exchange(other.m_log, QList<Edit>());
        m_swaps = other.m_swaps;
    }
    return *this;
}

SparedStringList::~SparedStringList() {
    dropSpare();
}

void SparedStringList::apply(QStringList &list, const Edit &edit) {
    // Resize the range in place (one move of the tail), then overwrite it.
    const qsizetype added = edit.strings.size();
    if (added > edit.removed)
        list.insert(edit.begin + edit.removed, added - edit.removed, QString());
    else if (added < edit.removed)
        list.remove(edit.begin + added, edit.removed - added);
    for (qsizetype i = 0; i < added; ++i)
        list[edit.begin + i] = edit.strings.at(i);
}

void SparedStringList::splice(qsizetype begin, qsizetype removed, const QStringList &strings) {
    adoptCopiedSpare();
    const Edit edit{begin, removed, strings};
    if (m_list.size() >= SpareFrom && !m_list.isDetached()) {
        // A reader holds the list as it is: it no longer changes, and the next
        // spare is copied from it.
        QStringList frozen = m_list;
        if (m_spareReady) {
            m_list = std::exchange(m_spare, QStringList());
            m_spareReady = false;
            ++m_swaps;
        } else {
            m_list.detach(); // no spare yet (the first shared edit): copied here, once
        }
        if (!m_copying.isValid()) {
            m_log.clear();
            copySpareFrom(std::move(frozen));
        }
    }
    apply(m_list, edit);
    if (m_spareReady) {
        if (m_spare.isDetached())
            apply(m_spare, edit);
        else
            dropSpare(); // shared after all (never handed out): not worth copying
    } else if (m_copying.isValid()) {
        m_log.append(edit);
        if (m_log.size() > MaxLoggedEdits)
            dropSpare();
    }
}

void SparedStringList::clear() {
    destroyOffThread(std::exchange(m_list, QStringList()));
    dropSpare();
}

void SparedStringList::prepareSpare() {
    dropSpare();
    if (m_list.size() < SpareFrom)
        return;
    m_spare = m_list;
    m_spare.detach();
    m_spareReady = true;
}

bool SparedStringList::hasSpare() const {
    return m_spareReady || (m_copying.isValid() && m_copying.isFinished());
}

void SparedStringList::adoptCopiedSpare() {
    if (!m_copying.isValid() || !m_copying.isFinished())
        return;
    QStringList spare = m_copying.takeResult();
    m_copying = QFuture<QStringList>();
    for (const Edit &edit : std::as_const(m_log))
        apply(spare, edit);
    m_log.clear();
    m_spare = std::move(spare);
    m_spareReady = true;
}

void SparedStringList::copySpareFrom(QStringList frozen) {
    m_copying = QtConcurrent::run([frozen = std::move(frozen)]() mutable {
        QStringList copy = frozen;
        copy.detach();
        frozen = QStringList(); // perhaps its last holder: freed here, not on the GUI thread
        return copy;
    });
}

void SparedStringList::dropSpare() {
    if (m_spareReady || !m_spare.isEmpty())
        destroyOffThread(std::exchange(m_spare, QStringList()));
    m_spareReady = false;
    // A copy still running frees its result with its task; a finished one is freed
    // with the future, so that goes to a worker too.
    if (m_copying.isValid())
        destroyOffThread(std::exchange(m_copying, QFuture<QStringList>()));
    m_log.clear();
}

} // namespace ica
