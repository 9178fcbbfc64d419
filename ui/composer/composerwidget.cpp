#include "ui/composer/composerwidget.h"

#include "core/api/apiclient.h"
#include "core/composer/batchsplitter.h"
#include "core/composer/batchsubmitter.h"
#include "core/composer/draftfixes.h"
#include "core/composer/draftpathresolution.h"
#include "core/composer/draftsession.h"
#include "core/data/tagcatalog.h"
#include "core/diagnostics/statusnotices.h"
#include "core/rows/offthread.h"
#include "core/store/storeworker.h"
#include "ui/composer/draftsmenu.h"
#include "ui/composer/groupeditor.h"
#include "ui/composer/grouplisteditor.h"
#include "ui/composer/previewpane.h"
#include "ui/composer/projectpicker.h"
#include "ui/composer/sheetimportflow.h"
#include "ui/composer/submitflow.h"
#include "ui/composer/validationsummary.h"
#include "ui/style/tones.h"
#include "ui/widgets/confirmation.h"
#include "ui/widgets/fieldhint.h"
#include "ui/widgets/messagebar.h"

#include <QAction>
#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include <utility>

namespace ica::ui {

namespace {

QString thousands(qsizetype n) {
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(qlonglong(n));
}

/// Copies of `lists` that share no storage with them (new arrays; the strings stay
/// shared): made on a worker, they let the editors' lists go unshared.
template <typename List> QList<List> detachedLists(const QList<List> &lists) {
    QList<List> own;
    own.reserve(lists.size());
    for (const List &list : lists)
        own.append(List(list.cbegin(), list.cend()));
    return own;
}

} // namespace

ComposerWidget::ComposerWidget(StoreWorker *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_session(new DraftSession(store, this))
    , m_flow(new SubmitFlow(this))
    , m_paths(new DraftPathResolution(this)) {
    setObjectName(QStringLiteral("composerWidget"));
    m_validateTimer.setSingleShot(true);
    // Short enough to feel immediate, long enough not to re-check a 100,000-ID
    // list on every keystroke.
    m_validateTimer.setInterval(std::chrono::milliseconds(150));
    connect(&m_validateTimer, &QTimer::timeout, this, &ComposerWidget::startCheck);
    buildUi();
    connectParts();
    loadDocumentIntoForm();
}

ComposerWidget::~ComposerWidget() {
    m_groups->finishPending();
    // Save what was typed in the last half second (the store finishes posted work).
    if (!m_loading && !isSending())
        m_session->setDocument(document());
    m_session->flush();
    m_session->setDocumentSource({}); // the form goes before the session
}

void ComposerWidget::buildUi() {
    m_form = new QWidget(this);
    m_drafts = new DraftsMenu(m_store, m_form);
    m_name = new QLineEdit(m_form);
    m_name->setObjectName(QStringLiteral("draftName"));
    m_name->setPlaceholderText(tr("Untitled draft"));
    m_name->setToolTip(tr("A name to find this draft again in the Drafts menu"));
    auto *nameLabel = new QLabel(tr("&Name:"), m_form);
    nameLabel->setBuddy(m_name);
    m_draftState = new QLabel(m_form);
    m_draftState->setObjectName(QStringLiteral("draftState"));
    m_draftState->setToolTip(tr("Drafts are saved as you type"));
    connect(m_session, &DraftSession::saved, m_draftState, [this]() {
        if (!m_session->hasPendingSave())
            m_draftState->setText(tr("Saved"));
    });

    m_picker = new ProjectPicker(m_form);
    m_picker->setObjectName(QStringLiteral("projectPicker"));
    auto *projectLabel = new QLabel(tr("&Project"), m_form);
    projectLabel->setBuddy(m_picker->filterEdit());
    QFont bold = projectLabel->font();
    bold.setBold(true);
    projectLabel->setFont(bold);
    m_projectMessage = new FieldHint(m_form);
    m_projectMessage->setObjectName(QStringLiteral("projectMessage"));
    m_groups = new GroupListEditor(m_form);
    m_groups->setObjectName(QStringLiteral("groupList"));

    m_preview = new PreviewPane(m_form);
    m_preview->setObjectName(QStringLiteral("previewPane"));
    auto *previewBox = new QGroupBox(tr("Request preview"), m_form);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_preview);

    m_summary = new ValidationSummary(m_form);
    m_summary->setObjectName(QStringLiteral("validationSummary"));
    m_split = new QCheckBox(m_form);
    m_split->setObjectName(QStringLiteral("splitCheck"));
    m_split->setToolTip(tr("ICA advises at most 5,000 data IDs per batch and refuses more than "
                           "100,000: send the draft as several batches, one after another."));
    m_split->hide();

    m_message = new MessageBar(this);
    m_message->setObjectName(QStringLiteral("submitMessage"));
    m_submit = new QPushButton(tr("&Submit…"), this);
    m_submit->setObjectName(QStringLiteral("submitButton"));
    m_submit->setDefault(false);

    auto *importSheet = new QPushButton(tr("Import s&heet…"), this);
    importSheet->setObjectName(QStringLiteral("importSheetButton"));
    importSheet->setToolTip(tr("Add groups from a CSV/TSV sheet whose rows name data IDs or "
                               "paths and carry their own changes"));
    m_sheetImport = new SheetImportFlow(
        this, [this]() { return m_client.data(); }, [this]() { return m_picker->projectId(); });
    connect(importSheet, &QPushButton::clicked, m_sheetImport, &SheetImportFlow::chooseFile);

    auto *top = new QHBoxLayout;
    top->addWidget(m_drafts);
    top->addWidget(nameLabel);
    top->addWidget(m_name, 1);
    top->addWidget(m_draftState);
    top->addWidget(importSheet);
    auto *left = new QWidget(m_form);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(projectLabel);
    leftLayout->addWidget(m_picker);
    leftLayout->addWidget(m_projectMessage);
    leftLayout->addWidget(m_groups, 1);
    auto *splitter = new QSplitter(Qt::Horizontal, m_form);
    splitter->addWidget(left);
    splitter->addWidget(previewBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto *formLayout = new QVBoxLayout(m_form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addLayout(top);
    formLayout->addWidget(splitter, 1);
    formLayout->addWidget(m_summary);
    formLayout->addWidget(m_split);

    auto *bottom = new QHBoxLayout;
    bottom->addStretch(1);
    bottom->addWidget(m_submit);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_form, 1);
    layout->addWidget(m_message);
    layout->addLayout(bottom);

    // Shortcuts live while the focus is in the composer, so other views of the
    // main window can use the same keys.
    auto *submitAction = new QAction(tr("Submit"), this);
    submitAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    submitAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(submitAction, &QAction::triggered, this, &ComposerWidget::submit);
    addAction(submitAction);
    auto *addGroupAction = new QAction(tr("Add group"), this);
    addGroupAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    addGroupAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(addGroupAction, &QAction::triggered, m_groups, [this]() {
        if (!isSending())
            m_groups->addGroup();
    });
    addAction(addGroupAction);
    addAction(m_drafts->newDraftAction());
    m_submit->setToolTip(tr("Create the batch in ICA after a confirmation (Ctrl+Enter)"));
}

void ComposerWidget::connectParts() {
    connect(m_picker, &ProjectPicker::projectChosen, this, [this](const QString &id) {
        rememberLastProject(id);
        onEdited();
    });
    connect(m_picker, &ProjectPicker::projectsLoaded, this, &ComposerWidget::startCheck);
    connect(m_groups, &GroupListEditor::changed, this, &ComposerWidget::onEdited);
    // A large paste is one edit: its check starts as soon as its IDs are read.
    connect(m_groups, &GroupListEditor::checkRequested, this, &ComposerWidget::startCheck);
    connect(m_split, &QCheckBox::toggled, this, &ComposerWidget::onEdited);
    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &name) {
        m_restoreLatest = false;
        m_session->setName(name.trimmed());
    });
    connect(m_summary, &ValidationSummary::fixRequested, this, &ComposerWidget::applyFix);
    connect(m_summary, &ValidationSummary::issueActivated, this,
            [this](int group, DraftField field) {
                if (field == DraftField::Project)
                    m_picker->setFocus(Qt::OtherFocusReason);
                else if (field == DraftField::Draft && m_split->isVisible())
                    m_split->setFocus(Qt::OtherFocusReason);
                else
                    m_groups->focusField(group, field);
            });
    connect(m_submit, &QPushButton::clicked, this, &ComposerWidget::submit);
    connect(m_sheetImport, &SheetImportFlow::groupsAccepted, this,
            [this](const QString &projectId, const QList<DataUpdateGroup> &groups) {
                for (const DataUpdateGroup &group : groups)
                    addGroupForProject(projectId, m_picker->nameOf(projectId), group);
            });
    connect(m_sheetImport, &SheetImportFlow::failed, this, [this](const QString &message) {
        m_message->showMessage(MessageBar::Kind::Error, message);
    });

    connect(m_drafts, &DraftsMenu::newRequested, this, &ComposerWidget::newDraft);
    connect(m_drafts, &DraftsMenu::openRequested, this, &ComposerWidget::loadDraft);
    connect(m_drafts, &DraftsMenu::discardRequested, this, &ComposerWidget::discardCurrent);
    connect(m_drafts, &DraftsMenu::listed, this, [this](const QList<Draft> &drafts) {
        if (!m_restoreLatest)
            return;
        m_restoreLatest = false;
        if (!drafts.isEmpty() && !m_session->isStored() && document().isBlank())
            loadDraft(drafts.first().id);
    });
    m_drafts->setProjectNamer([this](const QString &id) { return m_picker->nameOf(id); });

    m_session->setDocumentSource([this]() { return document(); });
    connect(m_session, &DraftSession::documentReplaced, this,
            &ComposerWidget::loadDocumentIntoForm);
    connect(m_session, &DraftSession::draftIdChanged, this, [this](const QString &id) {
        m_drafts->setCurrentDraftId(id);
        Q_EMIT currentDraftChanged(id);
    });
    connect(m_session, &DraftSession::saveFailed, this, [this](const QString &message) {
        m_message->showMessage(MessageBar::Kind::Error, message);
        StatusNotices::post(message);
    });
    connect(m_session, &DraftSession::openFailed, this, [this](const QString &message) {
        m_message->showMessage(MessageBar::Kind::Error, message);
        StatusNotices::post(message);
    });
    connect(m_session, &DraftSession::openWarning, this, [this](const QString &message) {
        m_message->showMessage(MessageBar::Kind::Info, message);
    });

    connect(m_flow, &SubmitFlow::aboutToSend, this, [this]() {
        // Saved before sending, converted off the GUI thread (100,000 IDs take tens
        // of milliseconds); a discard after a successful send drops it.
        m_session->setDocument(document());
        m_session->saveNow();
    });
    connect(m_flow, &SubmitFlow::sendingChanged, this, &ComposerWidget::setSending);
    connect(m_flow, &SubmitFlow::message, m_message, &MessageBar::showMessage);
    connect(m_flow, &SubmitFlow::batchCreated, this, &ComposerWidget::batchCreated);
    connect(m_flow, &SubmitFlow::finished, this, &ComposerWidget::onSubmitFinished);
    connect(m_flow, &SubmitFlow::checkOffered, m_message, &MessageBar::setAction);
    connect(m_message, &MessageBar::actionTriggered, m_flow, &SubmitFlow::checkCreated);

    connect(m_paths, &DraftPathResolution::changed, this, &ComposerWidget::startCheck);
}

void ComposerWidget::setClient(ApiClient *client) {
    m_client = client;
    m_picker->setClient(client);
    m_paths->setClient(client);
    updateSubmitState();
}

void ComposerWidget::setProfileId(const QString &profileId) {
    const bool changed = profileId != m_profileId;
    m_groups->finishPending();
    if (!m_loading)
        m_session->setDocument(document());
    m_session->flush(); // pending changes belong to the old profile
    m_profileId = profileId;
    m_session->setProfileId(profileId);
    if (changed && m_session->isStored())
        m_session->startNew();
    m_restoreLatest = !m_session->isStored() && document().isBlank();
    m_drafts->setProfileId(profileId);
}

void ComposerWidget::setLastProjectId(const QString &projectId) {
    m_lastProjectId = projectId;
    if (m_picker->projectId().isEmpty() && document().isBlank())
        m_picker->setProject(projectId, QString());
}

void ComposerWidget::newDraft() {
    if (isSending())
        return;
    m_groups->finishPending();
    m_restoreLatest = false;
    m_session->setDocument(document());
    m_session->startNew();
    m_message->clearMessage();
    StatusNotices::post(tr("New draft started."));
}

void ComposerWidget::loadDraft(const QString &draftId) {
    if (isSending() || draftId.isEmpty())
        return;
    m_restoreLatest = false;
    if (draftId == m_session->draftId() && m_session->isStored())
        return;
    m_groups->finishPending();
    m_session->setDocument(document());
    m_session->open(draftId);
}

void ComposerWidget::newDraftFrom(const QString &projectId, const CreateBatchRequest &request) {
    if (isSending())
        return;
    m_restoreLatest = false;
    m_groups->finishPending();
    m_session->setDocument(document());
    m_session->startFrom(
        DraftDocument::fromRequest(projectId, m_picker->nameOf(projectId), request));
    m_message->clearMessage();
}

void ComposerWidget::addGroupWithIds(const QStringList &ids) {
    if (isSending())
        return;
    GroupEditor *target = nullptr;
    if (m_groups->count() == 1 && m_groups->editor(0)->group().dataIds.isEmpty())
        target = m_groups->editor(0);
    else
        target = m_groups->addGroup();
    target->appendIds(ids);
}

int ComposerWidget::addGroupForProject(const QString &projectId, const QString &projectName,
                                       const DataUpdateGroup &group) {
    if (isSending())
        return -1;
    m_groups->finishPending();
    const DraftDocument current = document();
    if (!current.isBlank() && current.projectId != projectId) {
        // Another project's draft is kept as it is: the selection starts a new one.
        CreateBatchRequest request;
        request.dataUpdateGroups.append(group);
        newDraftFrom(projectId, request);
        return 0;
    }
    if (m_picker->projectId() != projectId) {
        m_picker->setProject(projectId, projectName);
        rememberLastProject(projectId);
    }
    GroupEditor *target = nullptr;
    if (m_groups->count() == 1 && m_groups->editor(0)->group() == DataUpdateGroup())
        target = m_groups->editor(0);
    else
        target = m_groups->addGroup();
    target->setGroup(group);
    onEdited();
    return target->index();
}

bool ComposerWidget::addIdsToGroup(int index, const QStringList &ids) {
    GroupEditor *editor = m_groups->editor(index);
    if (!editor || isSending())
        return false;
    editor->appendIds(ids);
    return true;
}

void ComposerWidget::setTagCatalog(TagCatalog *catalog) {
    m_tagCatalog = catalog;
    delete m_userTagCompletion;
    delete m_technicalTagCompletion;
    m_userTagCompletion = nullptr;
    m_technicalTagCompletion = nullptr;
    if (catalog) {
        m_userTagCompletion = new TagCompletionModel(catalog, TagKind::User, this);
        m_technicalTagCompletion = new TagCompletionModel(catalog, TagKind::Technical, this);
    }
    m_groups->setTagCompletion(m_userTagCompletion, m_technicalTagCompletion);
}

void ComposerWidget::rememberLastProject(const QString &projectId) {
    if (projectId == m_lastProjectId)
        return;
    m_lastProjectId = projectId;
    Q_EMIT lastProjectChanged(projectId);
}

QString ComposerWidget::currentDraftId() const {
    return m_session->draftId();
}

DraftDocument ComposerWidget::document() const {
    DraftDocument d;
    d.projectId = m_picker->projectId();
    d.projectName = m_picker->projectName();
    d.groups = m_groups->groups();
    d.splitAccepted = m_split->isChecked();
    return d;
}

ValidationReport ComposerWidget::validationReport() {
    if (isCheckPending())
        revalidate();
    return m_report;
}

bool ComposerWidget::isCheckPending() const {
    // Not the insertion of a large paste whose IDs are read: the report of those IDs
    // is the one of the text as it will be, and is shown while the rest goes in.
    return m_validateTimer.isActive() || m_shownGeneration != m_generation ||
           m_groups->idsPending();
}

bool ComposerWidget::isSending() const {
    return m_flow->isSending();
}

void ComposerWidget::onEdited() {
    if (m_loading)
        return;
    m_restoreLatest = false;
    m_started = true;
    ++m_generation; // a check running now is of an older text: its result is stale
    // The session reads the document when it saves: building it (and comparing it
    // with the last one) here cost milliseconds per keystroke at 100,000 IDs.
    m_session->touch();
    if (m_session->hasPendingSave())
        m_draftState->setText(tr("Saving…"));
    m_validateTimer.start();
}

void ComposerWidget::loadDocumentIntoForm() {
    m_loading = true;
    const DraftDocument &doc = m_session->document();
    if (doc.projectId.isEmpty() && doc.isBlank())
        m_picker->setProject(m_lastProjectId, QString());
    else
        m_picker->setProject(doc.projectId, doc.projectName);
    // A new draft shows one empty group, ready for IDs.
    m_groups->setGroups(doc.groups.isEmpty() ? QList<DataUpdateGroup>{DataUpdateGroup()}
                                             : doc.groups);
    m_name->setText(m_session->name());
    m_split->setChecked(doc.splitAccepted);
    m_draftState->setText(m_session->isStored() ? tr("Saved") : QString());
    // A draft with something in it (reopened, or from the monitor or the browser)
    // shows its issues at once; a new blank one waits for the first edit.
    m_started = !doc.isBlank() || !doc.projectId.isEmpty() || !m_session->name().isEmpty();
    m_loading = false;
    m_drafts->setCurrentDraftId(m_session->draftId());
    revalidate();
}

DraftDocument ComposerWidget::prepareCheck(DraftDocument *typed,
                                           QList<ValidationIssue> *pathIssues) {
    m_validateTimer.stop();
    // Paths stay in the draft as typed; what is checked, previewed and sent is the
    // resolved copy (IDs only), with the path issues merged into the report.
    *typed = document();
    m_paths->setProjectId(typed->projectId);
    bool anyPaths = false;
    for (int i = 0; i < m_groups->count(); ++i)
        anyPaths = anyPaths || m_groups->editor(i)->idList().pathCount() > 0;
    // Without paths (the editors count them as the text changes) the resolved copy
    // is the draft itself: skip the scans of every ID.
    if (!anyPaths)
        return *typed;
    m_paths->update(*typed);
    *pathIssues = m_paths->issues(*typed);
    return m_paths->resolved(*typed);
}

void ComposerWidget::revalidate() {
    m_groups->finishPending(); // an explicit action checks the text as it will be
    DraftDocument typed;
    QList<ValidationIssue> pathIssues;
    const DraftDocument resolved = prepareCheck(&typed, &pathIssues);
    applyCheck(DraftCheck::run(resolved, pathIssues, ++m_generation));
}

void ComposerWidget::startCheck() {
    DraftDocument typed;
    QList<ValidationIssue> pathIssues;
    const DraftDocument resolved = prepareCheck(&typed, &pathIssues);
    const quint64 generation = ++m_generation;
    // The lists are shared with the editors, not copied: the worker reads a snapshot.
    QList<QStringList> typedIds;
    QList<QList<int>> typedLines;
    for (int i = 0; i < m_groups->count(); ++i) {
        typedIds.append(m_groups->editor(i)->idList().ids());
        typedLines.append(m_groups->editor(i)->idList().lines());
    }
    // The captures share the editors' lists: first thing on the worker they are
    // swapped for copies of its own (detached()), so a keystroke while the check runs
    // (~100 ms at 100,000 IDs) changes the editor's list in place instead of copying
    // it on the GUI thread.
    runOffThread(
        this,
        [resolved = DraftDocument(resolved), pathIssues, generation, typedIds,
         typedLines]() mutable {
            const DraftDocument own = std::exchange(resolved, {}).detached();
            const QList<QStringList> ids = detachedLists(std::exchange(typedIds, {}));
            const QList<QList<int>> lines = detachedLists(std::exchange(typedLines, {}));
            DraftCheck check = DraftCheck::run(own, pathIssues, generation);
            check.addLineHints(ids, lines);
            return check;
        },
        [this](DraftCheck check) {
            if (check.generation == m_generation) // else an edit came after: stale
                applyCheck(check);
            // A stale check's plan is the only holder of its lists: freed on a worker.
            destroyOffThread(std::move(check));
        });
    Q_EMIT checkStarted();
}

void ComposerWidget::applyCheck(const DraftCheck &check) {
    m_shownGeneration = check.generation;
    // The report and plan shown before may be the last holders of 100,000 IDs: they
    // are freed on a worker, once the preview has let go of the plan too (below).
    ValidationReport oldReport = std::exchange(m_report, check.report);
    SubmitPlan oldPlan = std::exchange(m_plan, check.plan);
    const qsizetype total = check.dataIds;
    const qsizetype batches = check.batchesIfSplit;
    // An untouched draft shows what to do first, not its errors.
    if (m_started)
        m_summary->setReport(m_report, batches);
    else
        m_summary->showHint(tr("Choose a project, then paste or import data IDs and say what "
                               "to change."));
    m_groups->showIssues(m_started ? m_report : ValidationReport(), check.lineHints);
    QStringList projectIssues;
    if (m_started) {
        for (const ValidationIssue &issue : m_report.issuesFor(-1, DraftField::Project))
            projectIssues.append(issue.message);
    }
    m_projectMessage->showHint(projectIssues.join(QLatin1Char('\n')), Tone::Error);
    m_split->setVisible(total > BatchLimits::AdvisedMaxIds || m_split->isChecked());
    m_split->setText(tr("Send as %1 &batches of at most %2 data IDs (%3 in all)")
                         .arg(batches)
                         .arg(thousands(BatchLimits::AdvisedMaxIds), thousands(total)));
    m_preview->setPlan(m_plan);
    destroyOffThread(std::move(oldPlan));
    destroyOffThread(std::move(oldReport));
    updateSubmitState();
    if (!m_validateTimer.isActive())
        Q_EMIT validated();
}

void ComposerWidget::applyFix(IssueFix fix) {
    if (isSending())
        return;
    if (fix == IssueFix::SplitBatches) {
        setSplitAccepted(true);
        return;
    }
    DraftDocument doc = document();
    qsizetype changed = 0;
    QString what;
    if (fix == IssueFix::DropDuplicates) {
        changed = DraftFixes::dropDuplicateIds(doc);
        what = tr("Dropped %1 repeated IDs.").arg(changed);
    } else if (fix == IssueFix::TrimTags) {
        changed = DraftFixes::trimTags(doc);
        what = tr("Trimmed %1 tags.").arg(changed);
    }
    if (changed == 0)
        return;
    m_loading = true;
    m_groups->setGroups(doc.groups);
    m_loading = false;
    onEdited();
    revalidate();
    StatusNotices::post(what);
}

void ComposerWidget::setSplitAccepted(bool accepted) {
    m_split->setChecked(accepted); // toggled() -> onEdited()
    startCheck();                  // off the GUI thread: a split draft may hold 100,000 IDs
    if (accepted)
        StatusNotices::post(tr("The draft will be sent as %1 batches.")
                                .arg(BatchSplitter::batchCount(document().toRequest())));
}

void ComposerWidget::updateSubmitState() {
    QString reason;
    if (!m_client)
        reason = tr("Choose a profile to submit.");
    else if (!m_started)
        reason = tr("Choose a project and add data IDs and changes to submit.");
    else if (isSending())
        reason = tr("Sending…");
    else if (m_report.contains(IssueCode::PathsPending))
        reason = tr("Wait until the paths are looked up to submit.");
    else if (m_report.hasErrors())
        reason = tr("Fix the errors listed above to submit.");
    else if (m_plan.requests.isEmpty())
        reason = tr("Add a group with data IDs and changes to submit.");
    m_submit->setEnabled(reason.isEmpty());
    const qsizetype batches = m_plan.requests.size();
    m_submit->setText(isSending()   ? tr("Sending…")
                      : batches > 1 ? tr("&Submit %1 batches…").arg(batches)
                                    : tr("&Submit…"));
    m_submit->setToolTip(reason.isEmpty()
                             ? tr("Create the batch in ICA after a confirmation (Ctrl+Enter)")
                             : reason);
}

void ComposerWidget::submit() {
    m_groups->finishPending(); // what is sent is the text as pasted, whole
    if (isCheckPending())
        revalidate();
    if (!m_submit->isEnabled()) {
        if (!m_started) {
            // Asked to submit: the issues are wanted now.
            m_started = true;
            revalidate();
        }
        const QString why = m_submit->toolTip();
        m_message->showMessage(MessageBar::Kind::Error, why);
        StatusNotices::post(why);
        return;
    }
    const DraftDocument asked = document();
    m_flow->start(m_client, m_store, m_profileId, m_plan,
                  [this, asked]() { return document() == asked; });
}

void ComposerWidget::setSending(bool sending) {
    m_form->setEnabled(!sending);
    updateSubmitState();
}

void ComposerWidget::onSubmitFinished(bool ok) {
    if (m_tagCatalog && !m_flow->submitter().created().isEmpty()) {
        // A batch went out with these tags: they seed completion (and, through the
        // TagCatalogKeeper, the next run's).
        m_tagCatalog->learnRequest(document().toRequest());
    }
    if (ok) {
        // The batches are in the history now: the draft has done its job.
        m_session->discard();
        return;
    }
    const QList<CreateBatchRequest> remaining = m_flow->submitter().remaining();
    if (m_flow->submitter().created().isEmpty() || remaining.isEmpty())
        return; // nothing was created: the draft stays exactly as it was
    // Keep only what was not created, so that a retry sends just that.
    m_loading = true;
    m_groups->setGroups(BatchSplitter::join(remaining).dataUpdateGroups);
    m_loading = false;
    onEdited();
    m_session->flush();
    revalidate();
}

void ComposerWidget::discardCurrent() {
    if (isSending())
        return;
    Confirmation::ask(this, tr("Discard draft"), tr("Discard this draft?"),
                      tr("Its IDs and changes are deleted for good."), tr("Discard"),
                      [this](bool accepted) {
                          if (!accepted || isSending())
                              return;
                          m_session->discard();
                          m_message->clearMessage();
                          StatusNotices::post(tr("The draft was discarded."));
                      });
}

} // namespace ica::ui
