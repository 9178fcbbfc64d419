#pragma once

#include "core/composer/draftdocument.h"
#include "core/store/draftstore.h"

#include <QFutureWatcher>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>

namespace ica {

class StoreWorker;

/// The draft being composed and its life in the store: every change is saved
/// after a short pause (debounced, through StoreWorker::saveDraft, so after a
/// crash at most the last half second is lost); drafts can be named, opened,
/// started afresh and discarded. A new draft is not stored until something was
/// entered, so "New draft" leaves no empty drafts behind. Pending changes are
/// saved when the session is destroyed.
class DraftSession final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DraftSession)
public:
    /// `store` is not owned and may be null (then nothing is saved).
    explicit DraftSession(StoreWorker *store, QObject *parent = nullptr);
    ~DraftSession() override;

    /// The profile new drafts belong to.
    void setProfileId(const QString &profileId) { m_profileId = profileId; }
    [[nodiscard]] QString profileId() const { return m_profileId; }
    /// Pause between the last change and the save (default 500 ms).
    void setSaveDelay(std::chrono::milliseconds delay) { m_timer.setInterval(delay); }
    /// Longest time a change waits for its save while changes keep coming (default
    /// 1 s): the bound on what a crash can lose.
    void setMaxSaveDelay(std::chrono::milliseconds delay) { m_maxTimer.setInterval(delay); }

    [[nodiscard]] const DraftDocument &document() const { return m_document; }
    /// The draft's ID: assigned when the draft is started, stored on its first save.
    [[nodiscard]] QString draftId() const { return m_draftId; }
    [[nodiscard]] QString name() const { return m_name; }
    /// True while a change waits for its save (the pause, or its conversion to JSON).
    [[nodiscard]] bool hasPendingSave() const {
        return m_timer.isActive() || m_maxTimer.isActive() || m_converting;
    }
    /// True once the draft is in the store (saved, or opened from it).
    [[nodiscard]] bool isStored() const { return m_stored; }

    /// A change by the user: saved after the delay.
    void setDocument(const DraftDocument &document);
    /// Where the document is read from when a save runs (empty: none, the default).
    /// With one, touch() stands for setDocument(source()) without building and
    /// comparing the document at every keystroke (at 100,000 IDs that copy and
    /// comparison cost milliseconds each time). Cleared before the source goes away.
    void setDocumentSource(std::function<DraftDocument()> source) { m_source = std::move(source); }
    /// The document changed (read from the source when the save runs).
    void touch();
    /// Starts the save of a pending change now, its conversion to JSON on a worker
    /// thread (flush() converts on this thread).
    void saveNow();
    void setName(const QString &name);
    /// Saves a pending change now (on this thread: for explicit actions and exit;
    /// the saves after a pause convert the draft to JSON on a worker thread).
    void flush();

    /// Saves the current draft, then starts an empty one with a fresh ID.
    void startNew();
    /// Saves the current draft, then starts a new one holding `document` (saved soon).
    void startFrom(const DraftDocument &document);
    /// Saves the current draft, then loads `draftId`: documentReplaced() or openFailed().
    void open(const QString &draftId);
    /// Removes the current draft from the store and starts an empty one.
    void discard();

Q_SIGNALS:
    /// The document was replaced (new, opened or discarded): views reload it.
    void documentReplaced();
    /// The current draft's ID changed.
    void draftIdChanged(const QString &draftId);
    void saved(const QString &draftId);
    /// What went wrong and what to do; the document is kept in memory.
    void saveFailed(const QString &message);
    /// The draft could not be opened; the current one stays.
    void openFailed(const QString &message);
    /// The draft opened, but parts of it could not be read.
    void openWarning(const QString &message);

private:
    /// What a save's worker makes of the document: its JSON, and a copy of it that
    /// shares no list with the editors (DraftDocument::detached()).
    struct Converted {
        QJsonObject json;
        DraftDocument document;
    };

    void save();
    /// Reads the document from the source, when there is one.
    void pull();
    /// A change to save: restarts the pause, starts the maximum delay if not running.
    void schedule();
    void cancelPending();
    /// The store record of the draft as it is now, without its content.
    [[nodiscard]] Draft header() const;
    void post(const Draft &draft);
    void begin(const QString &draftId, const QString &name, const DraftDocument &document,
               bool stored);

    QPointer<StoreWorker> m_store;
    QString m_profileId;
    QString m_draftId;
    QString m_name;
    DraftDocument m_document;
    std::function<DraftDocument()> m_source;
    /// Bumped whenever m_document is replaced: a save's detached copy replaces it only
    /// while it is still the document that save converted.
    quint64 m_documentRevision = 0;
    bool m_stored = false;
    QTimer m_timer;    ///< the pause after the last change
    QTimer m_maxTimer; ///< runs from the first unsaved change
    quint64 m_openGeneration = 0;
    /// Bumped by every save posted or dropped: a conversion finishing with an older
    /// number is dropped, so an older draft never overwrites a newer one.
    quint64 m_saveGeneration = 0;
    /// The conversion to JSON running for the pending save; null when none.
    QPointer<QFutureWatcher<Converted>> m_converting;
    Draft m_convertingHeader; ///< the record m_converting's content belongs to
};

} // namespace ica
