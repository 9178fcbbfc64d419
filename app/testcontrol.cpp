#include "app/testcontrol.h"

#include "core/composer/draftsession.h"
#include "core/session/session.h"
#include "core/store/storeworker.h"
#include "simulator/simulatorthread.h"
#include "ui/composer/composerwidget.h"
#include "ui/mainwindow.h"
#include "ui/monitor/batchview.h"
#include "ui/monitor/monitorwidget.h"
#include "ui/widgets/confirmation.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QSocketNotifier>
#include <QTextCursor>

#include <cstdio>
#include <unistd.h>

namespace ica::app {

namespace {

QString idsOf(const DraftDocument &document) {
    QStringList ids;
    for (const DataUpdateGroup &group : document.groups)
        ids += group.dataIds;
    return ids.join(QLatin1Char(' '));
}

/// Longest command line kept; longer input is a test bug, not something to grow for.
constexpr qsizetype MaxLine = 1 << 20;

} // namespace

TestControl::TestControl(ui::MainWindow *window, StoreWorker *store, Session *session,
                         ica::sim::SimulatorThread *simulator, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_store(store)
    , m_session(session)
    , m_simulator(simulator)
    , m_notifier(new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this)) {
    connect(m_notifier, &QSocketNotifier::activated, this, &TestControl::readCommands);
    connect(store, &StoreWorker::opened, this, [this](bool ok, const QString &error) {
        emitEvent({{QStringLiteral("event"), QStringLiteral("store")},
                   {QStringLiteral("ok"), ok},
                   {QStringLiteral("persistent"), m_store->isPersistent()},
                   {QStringLiteral("notice"), m_store->notice()},
                   {QStringLiteral("error"), error}});
    });
    ui::ComposerWidget *composer = window->composer();
    connect(composer, &ui::ComposerWidget::batchCreated, this,
            [this](const QString &, const QString &batchId) {
                emitEvent({{QStringLiteral("event"), QStringLiteral("batch-created")},
                           {QStringLiteral("id"), batchId}});
            });
    // What the store holds right after a save: read back through the same worker
    // (answers come in order), so the test learns exactly what a kill would keep.
    auto *drafts = composer->findChild<DraftSession *>();
    Q_ASSERT(drafts);
    connect(drafts, &DraftSession::saveFailed, this, [this](const QString &message) {
        emitEvent({{QStringLiteral("event"), QStringLiteral("draft-save-failed")},
                   {QStringLiteral("message"), message}});
    });
    connect(drafts, &DraftSession::saved, this, [this](const QString &draftId) {
        if (!m_store)
            return;
        m_store->loadDraft(draftId, this, [this](const StoreResult<std::optional<Draft>> &r) {
            if (!r.ok() || !r.value)
                return;
            emitEvent({{QStringLiteral("event"), QStringLiteral("draft-saved")},
                       {QStringLiteral("id"), r.value->id},
                       {QStringLiteral("ids"), idsOf(DraftDocument::fromJson(r.value->content))}});
        });
    });
}

void TestControl::readCommands() {
    char chunk[4096];
    const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (n <= 0) { // the test went away: stop listening (a closed pipe stays readable)
        m_notifier->setEnabled(false);
        return;
    }
    m_buffer.append(chunk, n);
    qsizetype end;
    while ((end = m_buffer.indexOf('\n')) >= 0) {
        QByteArray line = m_buffer.left(end);
        if (line.endsWith('\r'))
            line.chop(1);
        m_buffer.remove(0, end + 1);
        if (!line.isEmpty())
            run(line);
    }
    if (m_buffer.size() > MaxLine)
        m_buffer.clear();
}

void TestControl::run(const QByteArray &line) {
    const QString text = QString::fromUtf8(line);
    const QString command = text.section(QLatin1Char(' '), 0, 0);
    const QString rest = text.mid(command.size() + 1); // as sent: "type  " types a space
    if (!m_window) {
        return;
    } else if (command == QLatin1String("type")) {
        type(rest);
    } else if (command == QLatin1String("compose")) {
        compose(rest.section(QLatin1Char(' '), 0, 0).toInt(), rest.section(QLatin1Char(' '), 1));
    } else if (command == QLatin1String("submit")) {
        ui::Confirmation::setNextAnswer(true);
        m_window->composer()->submit();
    } else if (command == QLatin1String("state")) {
        reportState();
    } else if (command == QLatin1String("quit")) {
        m_window->close();
        QApplication::quit();
    } else {
        emitEvent(
            {{QStringLiteral("event"), QStringLiteral("error")},
             {QStringLiteral("message"), QString(QStringLiteral("unknown command: ") + command)}});
    }
}

void TestControl::type(const QString &text) {
    auto *edit = m_window->composer()->findChild<QPlainTextEdit *>(QStringLiteral("dataIdsEdit"));
    if (!edit) {
        emitEvent({{QStringLiteral("event"), QStringLiteral("error")},
                   {QStringLiteral("message"), QStringLiteral("no data-ID editor")}});
        return;
    }
    // At the end of the text, as a person typing on would be.
    QTextCursor cursor = edit->textCursor();
    cursor.movePosition(QTextCursor::End);
    edit->setTextCursor(cursor);
    edit->insertPlainText(text);
    emitEvent({{QStringLiteral("event"), QStringLiteral("typed")},
               {QStringLiteral("length"), edit->toPlainText().size()}});
}

void TestControl::compose(int count, const QString &tag) {
    if (!m_simulator || count <= 0 || tag.isEmpty()) {
        emitEvent({{QStringLiteral("event"), QStringLiteral("error")},
                   {QStringLiteral("message"), QStringLiteral("compose needs --demo, N and TAG")}});
        return;
    }
    const QString project =
        m_simulator->invoke([](ica::sim::IcaSimulator &sim) { return sim.projectIds().first(); });
    DataUpdateGroup group;
    group.dataIds = m_simulator->invoke([&project, count](ica::sim::IcaSimulator &sim) {
        return sim.fileIds(project).mid(0, count);
    });
    group.userTags.addTags = {tag};
    CreateBatchRequest request;
    request.dataUpdateGroups = {group};
    m_window->composer()->newDraftFrom(project, request);
    emitEvent({{QStringLiteral("event"), QStringLiteral("composed")},
               {QStringLiteral("draftId"), m_window->composer()->currentDraftId()}});
}

void TestControl::reportState() {
    QJsonArray history;
    if (auto *view =
            m_window->monitor()->findChild<QAbstractItemView *>(QStringLiteral("historyView"))) {
        const QAbstractItemModel *model = view->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            QStringList cells;
            for (int column = 0; column < model->columnCount(); ++column)
                cells.append(model->index(row, column).data().toString());
            history.append(cells.join(QLatin1Char('\t')));
        }
    }
    ui::ComposerWidget *composer = m_window->composer();
    emitEvent({{QStringLiteral("event"), QStringLiteral("state")},
               {QStringLiteral("draftId"), composer->currentDraftId()},
               {QStringLiteral("ids"), idsOf(composer->document())},
               {QStringLiteral("history"), history},
               {QStringLiteral("storeOpen"), m_store && m_store->isOpen()},
               {QStringLiteral("persistent"), m_store && m_store->isPersistent()},
               {QStringLiteral("client"), m_session != nullptr && m_session->client() != nullptr},
               {QStringLiteral("monitorBatch"), m_window->monitor()->batchView()->batchId()}});
}

void TestControl::emitEvent(const QJsonObject &event) {
    std::fprintf(stdout, "%s\n", QJsonDocument(event).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

} // namespace ica::app
