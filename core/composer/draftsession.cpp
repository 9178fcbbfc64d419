#include "core/composer/draftsession.h"

#include "core/rows/offthread.h"
#include "core/store/storeworker.h"

#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace ica {

namespace {

QString freshId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

DraftSession::DraftSession(StoreWorker *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_draftId(freshId()) {
    m_timer.setSingleShot(true);
    m_timer.setInterval(std::chrono::milliseconds(500));
    m_maxTimer.setSingleShot(true);
    m_maxTimer.setInterval(std::chrono::milliseconds(1000));
    connect(&m_timer, &QTimer::timeout, this, &DraftSession::save);
    connect(&m_maxTimer, &QTimer::timeout, this, &DraftSession::save);
}

DraftSession::~DraftSession() {
    // The store finishes work posted before it is destroyed, so this save lands
    // even when the window closes right after a keystroke.
    flush();
}

void DraftSession::setDocument(const DraftDocument &document) {
    if (document == m_document)
        return;
    // The document replaced may hold the last reference to a list of 100,000 IDs.
    destroyOffThread(std::exchange(m_document, document));
    ++m_documentRevision;
    schedule();
}

void DraftSession::touch() {
    schedule();
}

void DraftSession::pull() {
    if (!m_source)
        return;
    // The document read before may hold the last reference to a list of 100,000 IDs.
    destroyOffThread(std::exchange(m_document, m_source()));
    ++m_documentRevision;
}

void DraftSession::saveNow() {
    if (m_timer.isActive() || m_maxTimer.isActive())
        save();
}

void DraftSession::setName(const QString &name) {
    if (name == m_name)
        return;
    m_name = name;
    schedule();
}

void DraftSession::schedule() {
    m_timer.start();
    if (!m_maxTimer.isActive())
        m_maxTimer.start();
}

void DraftSession::cancelPending() {
    m_timer.stop();
    m_maxTimer.stop();
}

void DraftSession::flush() {
    if (m_converting) {
        // Post the conversion's save now, in order, before any newer one.
        QFutureWatcher<Converted> *watcher = m_converting;
        watcher->waitForFinished();
        Draft draft = m_convertingHeader;
        draft.content = watcher->result().json;
        ++m_saveGeneration; // its finished() is dropped
        m_converting = nullptr;
        post(draft);
    }
    if (!m_timer.isActive() && !m_maxTimer.isActive())
        return;
    cancelPending();
    pull();
    if (!m_store || (!m_stored && m_document.isBlank() && m_name.isEmpty()))
        return;
    Draft draft = header();
    draft.content = m_document.toJson();
    ++m_saveGeneration;
    post(draft);
}

Draft DraftSession::header() const {
    Draft draft;
    draft.id = m_draftId;
    draft.name = m_name;
    draft.profileId = m_profileId;
    draft.projectId = m_document.projectId;
    return draft;
}

void DraftSession::save() {
    cancelPending();
    if (!m_store)
        return;
    pull();
    // Nothing entered yet: not worth a row in the drafts list.
    if (!m_stored && m_document.isBlank() && m_name.isEmpty())
        return;
    // A draft of 100,000 IDs takes tens of milliseconds to turn into JSON: done on a
    // worker thread (the document is shared, not copied), then posted to the store.
    const quint64 generation = ++m_saveGeneration;
    const quint64 revision = m_documentRevision;
    const DraftDocument document = m_document;
    auto *watcher = new QFutureWatcher<Converted>(this);
    const Draft record = header();
    m_converting = watcher;
    m_convertingHeader = record;
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, generation, revision, record]() {
                watcher->deleteLater();
                if (generation != m_saveGeneration)
                    return; // flushed, discarded or superseded meanwhile
                m_converting = nullptr;
                Converted converted = watcher->future().takeResult();
                // The same value, but no longer sharing the editors' lists (see Converted).
                if (revision == m_documentRevision)
                    std::swap(m_document, converted.document);
                Draft draft = record;
                draft.content = converted.json;
                post(draft);
                // Either the document replaced or an unused copy (its only holder).
                destroyOffThread(std::move(converted));
            });
    // The capture shares the editors' lists: it is swapped for a copy of its own
    // first thing on the worker, so a keystroke during the conversion (~100 ms at
    // 100,000 IDs) changes the editor's list in place instead of copying it.
    watcher->setFuture(QtConcurrent::run([document = DraftDocument(document)]() mutable {
        const DraftDocument own = std::exchange(document, {}).detached();
        return Converted{own.toJson(), own};
    }));
}

void DraftSession::post(const Draft &draft) {
    if (!m_store)
        return;
    m_stored = true;
    // No context: the answer is wanted even when this session is gone (it only
    // reports), and a destroyed session must not drop the save itself.
    QPointer<DraftSession> self(this);
    m_store->saveDraft(draft, nullptr, [self](const StoreResult<Draft> &result) {
        if (!self)
            return;
        if (result.ok()) {
            Q_EMIT self->saved(result.value.id);
            return;
        }
        QString why = result.error;
        if (why.endsWith(QLatin1Char('.')))
            why.chop(1); // the sentence goes on below
        Q_EMIT self->saveFailed(
            tr("%1. Your changes are kept in this window; they will be saved with the next "
               "change.")
                .arg(why));
    });
}

void DraftSession::begin(const QString &draftId, const QString &name, const DraftDocument &document,
                         bool stored) {
    cancelPending();
    const bool idChanged = draftId != m_draftId;
    m_draftId = draftId;
    m_name = name;
    // After a submit the document replaced holds the session's own copy of the IDs
    // (see save()): freeing 100,000 of them took ~10 ms of the GUI thread.
    destroyOffThread(std::exchange(m_document, document));
    ++m_documentRevision;
    m_stored = stored;
    Q_EMIT documentReplaced();
    if (idChanged)
        Q_EMIT draftIdChanged(m_draftId);
}

void DraftSession::startNew() {
    flush();
    ++m_openGeneration;
    begin(freshId(), QString(), DraftDocument(), false);
}

void DraftSession::startFrom(const DraftDocument &document) {
    flush();
    ++m_openGeneration;
    begin(freshId(), QString(), document, false);
    schedule();
}

void DraftSession::open(const QString &draftId) {
    flush();
    if (!m_store) {
        Q_EMIT openFailed(tr("Drafts cannot be opened: the local database is not available."));
        return;
    }
    const quint64 generation = ++m_openGeneration;
    m_store->loadDraft(
        draftId, this, [this, generation, draftId](const StoreResult<std::optional<Draft>> &r) {
            if (generation != m_openGeneration)
                return; // the user moved on
            if (!r.ok()) {
                Q_EMIT openFailed(r.error);
                return;
            }
            if (!r.value) {
                Q_EMIT openFailed(tr("That draft no longer exists (it was "
                                     "discarded or submitted)."));
                return;
            }
            QString warning;
            const DraftDocument document = DraftDocument::fromJson(r.value->content, &warning);
            begin(r.value->id, r.value->name, document, true);
            if (!warning.isEmpty())
                Q_EMIT openWarning(warning);
        });
}

void DraftSession::discard() {
    cancelPending();
    ++m_saveGeneration; // a conversion running is dropped with the draft
    m_converting = nullptr;
    ++m_openGeneration;
    if (m_store && m_stored)
        m_store->discardDraft(m_draftId, nullptr, [](const StoreResult<bool> &) {});
    begin(freshId(), QString(), DraftDocument(), false);
}

} // namespace ica
