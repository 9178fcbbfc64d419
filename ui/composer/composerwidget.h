#pragma once

#include "core/composer/draftcheck.h"
#include "core/composer/draftdocument.h"
#include "core/composer/draftvalidator.h"
#include "core/composer/submitplan.h"
#include "core/domain/batch.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ica {
class ApiClient;
class DraftPathResolution;
class DraftSession;
class StoreWorker;
class TagCatalog;
class TagCompletionModel;
} // namespace ica

namespace ica::ui {

class DraftsMenu;
class GroupListEditor;
class FieldHint;
class MessageBar;
class PreviewPane;
class ProjectPicker;
class SheetImportFlow;
class SubmitFlow;
class ValidationSummary;

/// The batch composer: pick a project, fill one or more update groups (data IDs
/// and the tag and date changes for them), see what is wrong as you type and the
/// exact JSON that will be sent, and submit after a confirmation. Drafts are
/// saved as you type and can be named, reopened and discarded. Created batches go
/// to the history and are announced with batchCreated() for the monitor.
///
/// objectNames the main window and tests use: "draftsButton" (DraftsMenu),
/// "draftName", "draftState", "projectPicker" (ProjectPicker: "projectFilter",
/// "projectList"), "projectMessage", "groupList" (GroupListEditor: "addGroupButton",
/// GroupEditors), "validationSummary", "previewPane", "splitCheck", "submitButton",
/// "submitMessage" (MessageBar). Keys while the focus is in the composer:
/// Ctrl+Enter submits, Ctrl+Shift+G adds a group, Ctrl+Shift+N starts a new draft.
class ComposerWidget final : public QWidget {
    Q_OBJECT
public:
    /// `store` keeps drafts and history (not owned; may be null: nothing is saved).
    explicit ComposerWidget(StoreWorker *store, QWidget *parent = nullptr);
    ~ComposerWidget() override;

    /// The profile's API client (not owned); re-targets the project picker. Null:
    /// no profile (nothing can be submitted).
    void setClient(ApiClient *client);
    /// The profile drafts and history records belong to. When nothing was entered
    /// yet, the profile's newest draft is reopened (what a crash left behind).
    void setProfileId(const QString &profileId);
    [[nodiscard]] QString profileId() const { return m_profileId; }

    /// The project a new draft starts with; the main window persists it.
    void setLastProjectId(const QString &projectId);
    [[nodiscard]] QString lastProjectId() const { return m_lastProjectId; }

    /// Starts an empty draft (the current one stays saved).
    void newDraft();
    /// Opens a saved draft.
    void loadDraft(const QString &draftId);
    /// Starts a draft holding `request`'s groups for `projectId` (the monitor's
    /// "new draft from FAILED items", the data browser).
    void newDraftFrom(const QString &projectId, const CreateBatchRequest &request);
    /// Adds a group holding `ids` (fills the only group instead when it is empty).
    void addGroupWithIds(const QStringList &ids);
    /// Adds `group` (IDs and changes) to the draft for `projectId` (the data browser's
    /// "Tag selected…"): to the current draft when it is for that project or still
    /// blank, else to a new draft (the current one stays saved). Fills the only group
    /// instead when it is empty. Returns the group's index, -1 while sending.
    int addGroupForProject(const QString &projectId, const QString &projectName,
                           const DataUpdateGroup &group);
    /// Appends `ids` to group `index` of the current draft; false when there is none.
    bool addIdsToGroup(int index, const QStringList &ids);
    /// "Import sheet…": a CSV/TSV of data IDs or paths with per-row changes, mapped in a
    /// SheetImportDialog; its groups go into the draft (see addGroupForProject()).
    [[nodiscard]] SheetImportFlow *sheetImport() const { return m_sheetImport; }
    /// Autocompletion from `catalog` in every tag editor (not owned; null: none).
    void setTagCatalog(TagCatalog *catalog);
    [[nodiscard]] QString currentDraftId() const;

    /// The draft as entered now.
    [[nodiscard]] DraftDocument document() const;
    /// The validator's report of the draft as entered now (checked now, on this
    /// thread, when the one shown is not of the latest edit).
    [[nodiscard]] ValidationReport validationReport();
    /// True while the report shown is not of the draft as entered now: an edit waits
    /// for its check (debounced, then run off the GUI thread).
    [[nodiscard]] bool isCheckPending() const;
    /// Submit, as the button does: confirmation, then the create calls.
    void submit();
    [[nodiscard]] bool isSending() const;
    /// False while the draft is new and untouched: its issues ("no project", "group 1
    /// is empty") stay hidden behind a hint of what to do first. True after the first
    /// edit, for a reopened or prefilled draft, and after a Submit attempt.
    [[nodiscard]] bool isDraftStarted() const { return m_started; }

Q_SIGNALS:
    /// A batch was created (and recorded in the history): open it in the monitor.
    void batchCreated(const QString &projectId, const QString &batchId);
    /// Another draft is being edited (the main window may persist the ID).
    void currentDraftChanged(const QString &draftId);
    /// The user chose another project (the main window persists it).
    void lastProjectChanged(const QString &projectId);
    /// The check of the draft as entered now is shown (counts, issues, preview).
    void validated();
    /// A check started on a worker thread (tests and the benchmark follow it).
    void checkStarted();

private:
    void buildUi();
    void connectParts();
    void onEdited();
    /// The project new drafts start with; lastProjectChanged() when it changes.
    void rememberLastProject(const QString &projectId);
    /// Checks the draft now, on this thread (explicit actions: load, fix, submit).
    void revalidate();
    /// Checks the draft on a worker thread; the result is shown only if no edit came
    /// after it (see m_generation).
    void startCheck();
    /// The draft as typed, and the resolved copy and path issues to check.
    DraftDocument prepareCheck(DraftDocument *typed, QList<ValidationIssue> *pathIssues);
    void applyCheck(const DraftCheck &check);
    void loadDocumentIntoForm();
    void applyFix(IssueFix fix);
    void setSplitAccepted(bool accepted);
    void updateSubmitState();
    void onSubmitFinished(bool ok);
    void setSending(bool sending);
    void discardCurrent();

    QPointer<StoreWorker> m_store;
    QPointer<ApiClient> m_client;
    SheetImportFlow *m_sheetImport = nullptr;
    QString m_profileId;
    QString m_lastProjectId;
    DraftSession *m_session;
    SubmitFlow *m_flow;
    /// Project paths in the ID lists: looked up, shown, sent as their IDs.
    DraftPathResolution *m_paths;

    QWidget *m_form = nullptr;
    DraftsMenu *m_drafts = nullptr;
    QLineEdit *m_name = nullptr;
    ProjectPicker *m_picker = nullptr;
    GroupListEditor *m_groups = nullptr;
    PreviewPane *m_preview = nullptr;
    ValidationSummary *m_summary = nullptr;
    FieldHint *m_projectMessage = nullptr;
    QLabel *m_draftState = nullptr;
    MessageBar *m_message = nullptr;
    QCheckBox *m_split = nullptr;
    QPushButton *m_submit = nullptr;

    QPointer<TagCatalog> m_tagCatalog;
    TagCompletionModel *m_userTagCompletion = nullptr;
    TagCompletionModel *m_technicalTagCompletion = nullptr;

    QTimer m_validateTimer;
    /// Bumped at every edit and every check started; a result of an older one is stale.
    quint64 m_generation = 0;
    /// The generation of the check shown.
    quint64 m_shownGeneration = 0;
    ValidationReport m_report;
    SubmitPlan m_plan;
    bool m_loading = false;
    bool m_started = false;       ///< see isDraftStarted()
    bool m_restoreLatest = false; ///< reopen the newest draft once listed
};

} // namespace ica::ui
