#pragma once

#include "core/composer/draftvalidator.h"
#include "core/domain/batch.h"

#include <QList>
#include <QWidget>

class QAbstractItemModel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace ica::ui {

class GroupEditor;

/// The draft's update groups, one GroupEditor each, in a scroll area, with
/// "Add group". Children: "groupsArea" (QScrollArea), "addGroupButton", and the
/// editors (objectName "groupEditor"; see editor()).
class GroupListEditor final : public QWidget {
    Q_OBJECT
public:
    explicit GroupListEditor(QWidget *parent = nullptr);

    [[nodiscard]] QList<DataUpdateGroup> groups() const;
    /// Shows `groups`, reusing the editors there are (focus and cursor stay put).
    /// Does not emit changed().
    void setGroups(const QList<DataUpdateGroup> &groups);
    [[nodiscard]] int count() const { return int(m_editors.size()); }
    [[nodiscard]] GroupEditor *editor(int index) const;

    /// Adds an empty group at the end, focuses its IDs and emits changed().
    GroupEditor *addGroup();
    void removeGroup(int index);
    /// Shows `report` at each group's fields; `hints` as GroupEditor::showIssues().
    void showIssues(const ValidationReport &report, const QStringList &hints = {});
    /// Tag completion for every group's tag editors, those added later too (not owned).
    void setTagCompletion(QAbstractItemModel *userTags, QAbstractItemModel *technicalTags);
    /// Scrolls to a group's field and focuses it.
    void focusField(int group, DraftField field);
    /// True while a group takes in a large paste (GroupEditor::isBusy()).
    [[nodiscard]] bool isBusy() const;
    /// True while a group's IDs are not yet those its text will hold
    /// (GroupEditor::idsPending()).
    [[nodiscard]] bool idsPending() const;
    /// Ends every group's large paste now (GroupEditor::finishPending()).
    void finishPending();

Q_SIGNALS:
    void changed();
    /// A group's large paste was read: check now (GroupEditor::checkRequested()).
    void checkRequested();

private:
    GroupEditor *appendEditor();
    void renumber();

    QScrollArea *m_area;
    QWidget *m_content;
    QVBoxLayout *m_layout;
    QPushButton *m_add;
    QList<GroupEditor *> m_editors;
    QAbstractItemModel *m_userTagCompletion = nullptr;
    QAbstractItemModel *m_technicalTagCompletion = nullptr;
};

} // namespace ica::ui
