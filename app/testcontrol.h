#pragma once

#include "app/appparts.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

class QJsonObject;
class QSocketNotifier;

namespace ica::app {

/// --test-control (hidden; for tests/app/tst_crashrecovery.cpp and the like): lets a
/// test drive the real app process, which it can then kill -9, through one command
/// per line on stdin, and reports what happened as one JSON object per line on
/// stdout. It does what a user does through the same widgets, nothing more.
///
/// Commands:
///   type TEXT           appends TEXT to the first group's data-ID list, as typing does
///   compose N TAG       a new draft: the first N data IDs of the demo's first project,
///                       adding user tag TAG (needs --demo)
///   submit              submits the draft, answering the confirmation with yes
///   state               reports {"event":"state", draftId, ids, history, store,
///                       monitorBatch (the batch the monitor shows)...}
///   quit                closes the window and quits
/// Events: "store" (the store opened: ok, persistent, notice, error), "draft-saved"
/// (id, ids as stored), "draft-save-failed" (message), "batch-created" (id), "typed" (length),
/// "composed" (draftId), "state", "error" (message). "ids" are the draft's data IDs joined by
/// spaces. Nothing here prints a secret.
class TestControl final : public QObject {
    Q_OBJECT
public:
    TestControl(ui::MainWindow *window, StoreWorker *store, Session *session,
                ica::sim::SimulatorThread *simulator, QObject *parent = nullptr);

private:
    void readCommands();
    void run(const QByteArray &line);
    void type(const QString &text);
    void compose(int count, const QString &tag);
    void reportState();
    void emitEvent(const QJsonObject &event);

    QPointer<ui::MainWindow> m_window;
    QPointer<StoreWorker> m_store;
    Session *m_session;
    ica::sim::SimulatorThread *m_simulator;
    QSocketNotifier *m_notifier;
    QByteArray m_buffer;
};

} // namespace ica::app
