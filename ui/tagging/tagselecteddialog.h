#pragma once

#include "core/composer/draftdocument.h"
#include "core/domain/projectdata.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QRadioButton;
class QTableView;
class QTimer;

namespace ica {
class TagCatalog;
class TagCompletionModel;
class TagPreview;
} // namespace ica

namespace ica::ui {

class DateTimeField;
class MessageBar;
class TagEditor;

/// "Tag selected…": what to do with the items selected in the data browser. Either
/// a new group of the draft with the tag and date changes entered here, or the items
/// added to an existing group of the draft (which brings its own changes). Below, the
/// before and after of every selected item once the whole draft has run (TagPreview).
///
/// The dialog only decides; the caller applies the answer to the composer
/// (ComposerWidget::addGroupForProject() / addIdsToGroup()).
/// Children (objectNames): "selectionSummary", "newGroupRadio", "existingGroupRadio",
/// "existingGroupCombo", "userTagsAdd", "userTagsRemove", "technicalTagsAdd",
/// "technicalTagsRemove" (TagEditors), "archiveField", "deleteField" (DateTimeFields),
/// "previewTable", "previewSummary", "dialogMessage", "buttons" (QDialogButtonBox).
class TagSelectedDialog final : public QDialog {
    Q_OBJECT
public:
    enum class Target { NewGroup, ExistingGroup };

    /// `items`: the selection, in the browser's order.
    TagSelectedDialog(const QString &projectId, const QString &projectName,
                      const QList<ProjectData> &items, QWidget *parent = nullptr);

    /// The draft being composed: its groups can take the items, and its changes show in
    /// the preview. A draft for another project offers only a new group (in a new draft).
    void setDraft(const DraftDocument &draft);
    /// Autocompletion in the tag editors (not owned; null: none).
    void setTagCatalog(TagCatalog *catalog);

    [[nodiscard]] Target target() const;
    /// The chosen existing group's index in the draft (Target::ExistingGroup).
    [[nodiscard]] int existingGroup() const;
    /// The new group: the items' IDs with the changes entered (Target::NewGroup).
    [[nodiscard]] DataUpdateGroup newGroup() const;
    [[nodiscard]] QStringList dataIds() const;
    [[nodiscard]] TagPreview *preview() const { return m_preview; }
    /// Why OK is disabled, or a warning; empty when there is nothing to say.
    [[nodiscard]] QString message() const;

private:
    void buildUi();
    void schedulePreview();
    void updatePreview();
    void updateState();
    [[nodiscard]] bool draftTakesItems() const;
    /// The tag and date changes entered, without data IDs.
    [[nodiscard]] DataUpdateGroup changes() const;
    [[nodiscard]] CreateBatchRequest draftAfter() const;

    QString m_projectId;
    QString m_projectName;
    QList<ProjectData> m_items;
    DraftDocument m_draft;

    QLabel *m_summary = nullptr;
    QRadioButton *m_newGroup = nullptr;
    QRadioButton *m_existingGroup = nullptr;
    QComboBox *m_groupCombo = nullptr;
    QWidget *m_changes = nullptr;
    TagEditor *m_userAdd = nullptr;
    TagEditor *m_userRemove = nullptr;
    TagEditor *m_techAdd = nullptr;
    TagEditor *m_techRemove = nullptr;
    DateTimeField *m_archive = nullptr;
    DateTimeField *m_delete = nullptr;
    TagPreview *m_preview = nullptr;
    QTableView *m_previewTable = nullptr;
    QLabel *m_previewSummary = nullptr;
    MessageBar *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QTimer *m_previewTimer = nullptr;
    TagCompletionModel *m_userCompletion = nullptr;
    TagCompletionModel *m_technicalCompletion = nullptr;
};

} // namespace ica::ui
