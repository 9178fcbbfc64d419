#pragma once

#include "core/composer/draftvalidator.h"
#include "core/composer/idlistparser.h"
#include "core/composer/incrementalidlist.h"
#include "core/domain/batch.h"

#include <QFrame>
#include <QFutureWatcher>
#include <QPointer>

class QAbstractItemModel;
class QLabel;
class QPushButton;
class QToolButton;

namespace ica {
struct DelimitedTable;
}

namespace ica::ui {

class FieldHint;
class MessageBar;

class DateTimeField;
class IdListEdit;
class ImportColumnDialog;
class TagEditor;

/// Edits one update group: its data IDs (typed, pasted, imported from a file or
/// dropped), the user and technical tags to add and to remove, the archive and
/// delete dates and their clear flags, with the validator's messages shown at
/// each field. Children (objectNames): "dataIdsEdit", "idCountLabel",
/// "importButton", "dropDuplicatesButton", "removeGroupButton", "userTagsAdd",
/// "userTagsRemove", "technicalTagsAdd", "technicalTagsRemove" (TagEditors),
/// "archiveField", "deleteField" (DateTimeFields), and the message labels
/// "dataIdsMessage", "groupMessage", "userTagsMessage", "technicalTagsMessage",
/// "archiveDateMessage", "deleteDateMessage", "importMessage". Rows dragged from
/// the data browser can be dropped anywhere on the group: their IDs are appended.
class GroupEditor final : public QFrame {
    Q_OBJECT
public:
    explicit GroupEditor(QWidget *parent = nullptr);

    /// The group's position (0-based), shown as "Group N".
    void setIndex(int index);
    [[nodiscard]] int index() const { return m_index; }

    /// The group as entered (IDs in order, repeats included).
    [[nodiscard]] DataUpdateGroup group() const;
    /// Shows `group`; does not emit changed().
    void setGroup(const DataUpdateGroup &group);
    /// Adds IDs after those already listed; emits changed().
    void appendIds(const QStringList &ids);
    /// The IDs as parsed from the text, with line numbers (built now: O(n)).
    [[nodiscard]] IdParseResult parsedIds() const;
    /// The IDs of the text, kept up to date line by line as it is edited.
    [[nodiscard]] const IncrementalIdList &idList() const { return m_list; }

    /// Shows the issues of this group at their fields (others are ignored). `hints`,
    /// when given, says for each issue where its IDs are (DraftCheck::lineHints);
    /// else that is found here.
    void showIssues(const QList<ValidationIssue> &issues, const QStringList &hints = {});
    /// The text shown at a field ("" when none), for tests and accessibility.
    [[nodiscard]] QString messageAt(DraftField field) const;
    /// Moves the keyboard focus to a field's editor.
    void focusField(DraftField field);

    /// Reads the file off the GUI thread, then adds its IDs: at once for a single
    /// column, else after the column is chosen in an ImportColumnDialog (open()ed).
    void importFile(const QString &path);
    /// The import dialog while one is open.
    [[nodiscard]] ImportColumnDialog *importDialog() const;

    [[nodiscard]] IdListEdit *idsEdit() const { return m_ids; }

    /// True while a large paste goes in or its IDs are read (off the GUI thread);
    /// group() gives the IDs after it as soon as they are read.
    [[nodiscard]] bool isBusy() const;
    /// True while group() may not yet give the IDs the text holds once a large paste
    /// is in: its IDs are being read, keys typed meanwhile wait to be replayed, or
    /// something else changed the text under it. False while the rest of a paste
    /// whose IDs are read is still going into the editor: what is checked then is
    /// already the list as it will be.
    [[nodiscard]] bool idsPending() const;
    /// Ends a large paste now: the rest is inserted and its IDs read on this thread
    /// (for actions that need the text and the IDs whole at once).
    void finishPending();

    /// Completion for the user and the technical tag editors (not owned; null: none).
    void setTagCompletion(QAbstractItemModel *userTags, QAbstractItemModel *technicalTags);

Q_SIGNALS:
    void changed();
    /// A large paste's IDs were read: a check is worth running now, without a pause.
    void checkRequested();
    void removeRequested();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void addDroppedIds(const QStringList &ids);
    void chooseImportFile();
    void onFileRead(const QString &path, const DelimitedTable &table);
    void addImported(const QString &path, const QStringList &values);
    void dropDuplicates();
    void updateIdCount();
    /// Re-reads the lines a text change touched (QTextDocument::contentsChange).
    void onContentsChange(int position, int charsRemoved, int charsAdded);
    /// Re-reads the whole text (after setPlainText(), which may not report each line).
    void resyncIds();
    /// A large paste begins: its IDs are read on a worker thread (see IdListEdit).
    void onLargePasteStarted(int firstLine, int removedLines, const QString &before,
                             const QString &text, const QString &after);
    /// The IDs of the text after the paste are read: shown, and changed() emitted.
    void adoptPastedIds(IncrementalIdList list);
    /// Both the paste and the reading of its IDs are done: typing resumes.
    void settlePaste();
    [[nodiscard]] FieldHint *hintFor(DraftField field) const;
    [[nodiscard]] QString linesOf(const QStringList &ids) const;

    int m_index = 0;
    QLabel *m_title;
    QToolButton *m_removeButton;
    IdListEdit *m_ids;
    QLabel *m_idCount;
    QPushButton *m_importButton;
    QPushButton *m_dropDuplicatesButton;
    MessageBar *m_importMessage;
    FieldHint *m_idsMessage;
    FieldHint *m_groupMessage;
    TagEditor *m_userAdd;
    TagEditor *m_userRemove;
    TagEditor *m_techAdd;
    TagEditor *m_techRemove;
    FieldHint *m_userMessage;
    FieldHint *m_techMessage;
    DateTimeField *m_archive;
    DateTimeField *m_delete;
    FieldHint *m_archiveMessage;
    FieldHint *m_deleteMessage;
    QPointer<ImportColumnDialog> m_importDialog;
    bool m_loading = false;
    /// Parsed incrementally: re-parsing 100,000 lines on every keystroke froze the
    /// window for 0.3-1 s.
    IncrementalIdList m_list;
    /// Reads the IDs of the text after a large paste; null when none runs.
    QPointer<QFutureWatcher<IncrementalIdList>> m_pasteReader;
    /// Bumped by each large paste and finishPending(): an older reading is dropped.
    quint64 m_pasteGeneration = 0;
};

} // namespace ica::ui
