#include "ui/composer/grouplisteditor.h"

#include "core/diagnostics/statusnotices.h"
#include "ui/composer/groupeditor.h"
#include "ui/composer/idlistedit.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace ica::ui {

GroupListEditor::GroupListEditor(QWidget *parent)
    : QWidget(parent)
    , m_area(new QScrollArea(this))
    , m_content(new QWidget)
    , m_layout(new QVBoxLayout(m_content))
    , m_add(new QPushButton(tr("&Add group"), this)) {
    m_area->setObjectName(QStringLiteral("groupsArea"));
    m_area->setWidgetResizable(true);
    // Always there, so the groups' width stays put when messages come and go: a
    // width change resets the layout of every line of a group's ID list.
    m_area->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_area->setWidget(m_content);
    m_area->setFrameShape(QFrame::NoFrame);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addStretch(1);
    m_add->setObjectName(QStringLiteral("addGroupButton"));
    m_add->setToolTip(tr("Add another group of IDs with changes of its own (Ctrl+Shift+G)"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_area, 1);
    layout->addLayout(buttons);
    connect(m_add, &QPushButton::clicked, this, [this]() { addGroup(); });
}

QList<DataUpdateGroup> GroupListEditor::groups() const {
    QList<DataUpdateGroup> groups;
    for (const GroupEditor *editor : m_editors)
        groups.append(editor->group());
    return groups;
}

bool GroupListEditor::isBusy() const {
    return std::any_of(m_editors.cbegin(), m_editors.cend(),
                       [](const GroupEditor *editor) { return editor->isBusy(); });
}

bool GroupListEditor::idsPending() const {
    return std::any_of(m_editors.cbegin(), m_editors.cend(),
                       [](const GroupEditor *editor) { return editor->idsPending(); });
}

void GroupListEditor::finishPending() {
    for (GroupEditor *editor : std::as_const(m_editors))
        editor->finishPending();
}

void GroupListEditor::setGroups(const QList<DataUpdateGroup> &groups) {
    while (m_editors.size() > groups.size()) {
        GroupEditor *gone = m_editors.takeLast();
        gone->hide();
        gone->deleteLater();
    }
    while (m_editors.size() < groups.size())
        appendEditor();
    for (int i = 0; i < groups.size(); ++i)
        m_editors.at(i)->setGroup(groups.at(i));
    renumber();
}

GroupEditor *GroupListEditor::editor(int index) const {
    return index >= 0 && index < m_editors.size() ? m_editors.at(index) : nullptr;
}

GroupEditor *GroupListEditor::appendEditor() {
    auto *editor = new GroupEditor(m_content);
    editor->setTagCompletion(m_userTagCompletion, m_technicalTagCompletion);
    m_layout->insertWidget(int(m_editors.size()), editor);
    m_editors.append(editor);
    connect(editor, &GroupEditor::changed, this, &GroupListEditor::changed);
    connect(editor, &GroupEditor::checkRequested, this, &GroupListEditor::checkRequested);
    connect(editor, &GroupEditor::removeRequested, this,
            [this, editor]() { removeGroup(int(m_editors.indexOf(editor))); });
    renumber();
    return editor;
}

void GroupListEditor::setTagCompletion(QAbstractItemModel *userTags,
                                       QAbstractItemModel *technicalTags) {
    m_userTagCompletion = userTags;
    m_technicalTagCompletion = technicalTags;
    for (GroupEditor *editor : std::as_const(m_editors))
        editor->setTagCompletion(userTags, technicalTags);
}

GroupEditor *GroupListEditor::addGroup() {
    GroupEditor *editor = appendEditor();
    editor->idsEdit()->setFocus(Qt::OtherFocusReason);
    m_area->ensureWidgetVisible(editor);
    Q_EMIT changed();
    return editor;
}

void GroupListEditor::removeGroup(int index) {
    if (index < 0 || index >= m_editors.size())
        return;
    // deleteLater: the request may come from a button inside the editor.
    GroupEditor *editor = m_editors.takeAt(index);
    editor->hide();
    editor->deleteLater();
    renumber();
    if (!m_editors.isEmpty())
        m_editors.at(qMin(index, int(m_editors.size()) - 1))->idsEdit()->setFocus();
    else
        m_add->setFocus();
    StatusNotices::post(tr("Group %1 removed.").arg(index + 1));
    Q_EMIT changed();
}

void GroupListEditor::renumber() {
    for (int i = 0; i < m_editors.size(); ++i)
        m_editors.at(i)->setIndex(i);
}

void GroupListEditor::showIssues(const ValidationReport &report, const QStringList &hints) {
    for (GroupEditor *editor : std::as_const(m_editors))
        editor->showIssues(report.issues, hints);
}

void GroupListEditor::focusField(int group, DraftField field) {
    GroupEditor *target = editor(group);
    if (!target)
        return;
    m_area->ensureWidgetVisible(target);
    target->focusField(field);
}

} // namespace ica::ui
