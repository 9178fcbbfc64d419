#pragma once

#include "core/data/tagrename.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QCompleter;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QTableWidget;

namespace ica {
class ApiClient;
class TagCatalog;
} // namespace ica

namespace ica::ui {

/// "Rename tag…" in the data browser: the kind (user or technical), the tag to rename
/// (completed from the tag catalog), its new name and the scope (the project, or the
/// folder shown and its subfolders). "Find items" lists every item that carries the
/// tag (TagRename::find: the server's filter, all pages, off the GUI thread) and shows
/// each one's tags now and after; "Create draft" is enabled once that view is of the
/// current input and has items, and emits draftRequested() with one group removing
/// the old tag and adding the new one (a merge when the new one exists).
///
/// Children: "renameKind", "renameFrom", "renameTo", "renameScopeProject",
/// "renameScopeFolder", "renameFindButton", "renameSummary", "renamePreview",
/// "renameButtons".
class TagRenameDialog final : public QDialog {
    Q_OBJECT
public:
    /// Rows shown in the before/after view at most (the draft holds every item).
    static constexpr int PreviewRows = 2000;

    /// `client` and `catalog` are not owned (the catalog may be null: no completion).
    /// `folderPath` is the folder shown ("/" or empty: only the project scope).
    TagRenameDialog(ApiClient *client, const QString &projectId, const QString &folderPath,
                    TagCatalog *catalog, QWidget *parent = nullptr);
    ~TagRenameDialog() override;

    /// Presets the kind and the tag to rename (e.g. from a row's tag).
    void setFrom(TagKind kind, const QString &tag);
    [[nodiscard]] TagRenameSpec spec() const;
    /// The plan shown (valid when isReady()).
    [[nodiscard]] const TagRenamePlan &plan() const { return m_plan; }
    [[nodiscard]] bool isReady() const { return m_ready; }

public Q_SLOTS:
    /// What "Find items" does.
    void findItems();

Q_SIGNALS:
    /// The items were found and are shown (or the search failed: the summary says why).
    void searched();
    /// "Create draft": a draft for `projectId` holding `request`.
    void draftRequested(const QString &projectId, const ica::CreateBatchRequest &request);

private:
    void onInputChanged();
    void showPlan(const TagRenamePlan &plan);
    void updateCompleter();

    QPointer<ApiClient> m_client;
    QString m_projectId;
    QString m_folderPath;
    QPointer<TagCatalog> m_catalog;
    QComboBox *m_kind;
    QLineEdit *m_from;
    QLineEdit *m_to;
    QRadioButton *m_scopeProject;
    QRadioButton *m_scopeFolder;
    QPushButton *m_find;
    QLabel *m_summary;
    QTableWidget *m_preview;
    QDialogButtonBox *m_buttons;
    QCompleter *m_completer = nullptr;
    QObject *m_run = nullptr; ///< owns the callback of the search in flight
    TagRenamePlan m_plan;
    bool m_ready = false;
};

} // namespace ica::ui
