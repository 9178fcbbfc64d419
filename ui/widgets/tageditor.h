#pragma once

#include <QStringList>
#include <QWidget>

class QAbstractItemModel;
class QCompleter;
class QLineEdit;
class QListWidget;
class QToolButton;

namespace ica::ui {

/// Edits a list of tags: type one and press Enter to add it (that Enter goes no
/// further, so in a dialog it does not also press the default button); each tag shows as a
/// chip that a Delete (or Backspace) key or the remove button takes away. Tags are
/// kept exactly as typed (spaces included), so the validator can point at blank
/// or padded ones; a repeat of a tag already listed is not added again.
/// Children: "tagInput" (QLineEdit), "tagList" (QListWidget), "removeTagButton".
class TagEditor final : public QWidget {
    Q_OBJECT
public:
    /// `placeholder` hints what the list is for, e.g. "User tag to add".
    explicit TagEditor(const QString &placeholder, QWidget *parent = nullptr);

    [[nodiscard]] QStringList tags() const;
    /// Replaces the tags without emitting tagsChanged().
    void setTags(const QStringList &tags);
    [[nodiscard]] QLineEdit *input() const { return m_input; }

    /// Offers completions from `model` (DisplayRole, kept in the model's order:
    /// TagCompletionModel lists the most used tags first) while typing; matches
    /// anywhere in a tag, ignoring case. Not owned; null turns completion off.
    void setCompletionModel(QAbstractItemModel *model);
    [[nodiscard]] QCompleter *completer() const;

Q_SIGNALS:
    void tagsChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addFromInput();
    void removeSelected();
    void appendChip(const QString &tag);
    void updateButtons();

    QLineEdit *m_input;
    QListWidget *m_list;
    QToolButton *m_remove;
};

} // namespace ica::ui
