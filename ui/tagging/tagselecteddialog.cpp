#include "ui/tagging/tagselecteddialog.h"

#include "core/browser/tagpreview.h"
#include "core/data/tagcatalog.h"
#include "ui/widgets/datetimefield.h"
#include "ui/widgets/messagebar.h"
#include "ui/widgets/tageditor.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace ica::ui {

namespace {

QString count(qsizetype n) {
    return QLocale().toString(qlonglong(n));
}

/// "Group 2 · 120 IDs · user +reviewed −pending · archive date".
QString describeGroup(int index, const DataUpdateGroup &group) {
    QStringList parts{TagSelectedDialog::tr("Group %1").arg(index + 1),
                      TagSelectedDialog::tr("%1 IDs").arg(count(group.dataIds.size()))};
    const auto tagPart = [](const QString &kind, const TagUpdate &update) {
        QStringList changes;
        for (const QString &tag : update.addTags)
            changes.append(QLatin1Char('+') + tag);
        for (const QString &tag : update.removeTags)
            changes.append(QChar(0x2212) + tag);
        return changes.isEmpty() ? QString()
                                 : kind + QLatin1Char(' ') + changes.join(QLatin1Char(' '));
    };
    for (const QString &part : {tagPart(TagSelectedDialog::tr("user"), group.userTags),
                                tagPart(TagSelectedDialog::tr("technical"), group.technicalTags)})
        if (!part.isEmpty())
            parts.append(part);
    if (group.willBeArchivedAt.isValid() || group.clearWillBeArchivedAt)
        parts.append(TagSelectedDialog::tr("archive date"));
    if (group.willBeDeletedAt.isValid() || group.clearWillBeDeletedAt)
        parts.append(TagSelectedDialog::tr("delete date"));
    return parts.join(QStringLiteral(" · "));
}

} // namespace

TagSelectedDialog::TagSelectedDialog(const QString &projectId, const QString &projectName,
                                     const QList<ProjectData> &items, QWidget *parent)
    : QDialog(parent)
    , m_projectId(projectId)
    , m_projectName(projectName)
    , m_items(items)
    , m_preview(new TagPreview(this))
    , m_previewTimer(new QTimer(this)) {
    setWindowTitle(tr("Tag selected items"));
    // Typing a tag re-computes the before and after of every item: wait for a pause.
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(150);
    connect(m_previewTimer, &QTimer::timeout, this, &TagSelectedDialog::updatePreview);
    buildUi();
    setDraft(DraftDocument());
}

void TagSelectedDialog::buildUi() {
    qsizetype folders = 0;
    for (const ProjectData &item : std::as_const(m_items))
        folders += item.isFolder() ? 1 : 0;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("selectionSummary"));
    m_summary->setWordWrap(true);
    m_summary->setText(tr("%1 selected in %2: %3 files, %4 folders.")
                           .arg(count(m_items.size()),
                                m_projectName.isEmpty() ? m_projectId : m_projectName,
                                count(m_items.size() - folders), count(folders)));

    m_newGroup = new QRadioButton(tr("&New group with these changes:"), this);
    m_newGroup->setObjectName(QStringLiteral("newGroupRadio"));
    m_newGroup->setChecked(true);
    m_existingGroup = new QRadioButton(tr("Add to an &existing group of the draft:"), this);
    m_existingGroup->setObjectName(QStringLiteral("existingGroupRadio"));
    m_groupCombo = new QComboBox(this);
    m_groupCombo->setObjectName(QStringLiteral("existingGroupCombo"));

    m_changes = new QWidget(this);
    m_userAdd = new TagEditor(tr("User tag to add"), m_changes);
    m_userAdd->setObjectName(QStringLiteral("userTagsAdd"));
    m_userRemove = new TagEditor(tr("User tag to remove"), m_changes);
    m_userRemove->setObjectName(QStringLiteral("userTagsRemove"));
    m_techAdd = new TagEditor(tr("Technical tag to add"), m_changes);
    m_techAdd->setObjectName(QStringLiteral("technicalTagsAdd"));
    m_techRemove = new TagEditor(tr("Technical tag to remove"), m_changes);
    m_techRemove->setObjectName(QStringLiteral("technicalTagsRemove"));
    m_archive = new DateTimeField(tr("Archive on"), tr("Clear the archive date"), m_changes);
    m_archive->setObjectName(QStringLiteral("archiveField"));
    m_delete = new DateTimeField(tr("Delete on"), tr("Clear the delete date"), m_changes);
    m_delete->setObjectName(QStringLiteral("deleteField"));
    auto *form = new QFormLayout(m_changes);
    form->addRow(tr("Add user tags:"), m_userAdd);
    form->addRow(tr("Remove user tags:"), m_userRemove);
    form->addRow(tr("Add technical tags:"), m_techAdd);
    form->addRow(tr("Remove technical tags:"), m_techRemove);
    form->addRow(tr("Archive date:"), m_archive);
    form->addRow(tr("Delete date:"), m_delete);

    m_previewTable = new QTableView(this);
    m_previewTable->setObjectName(QStringLiteral("previewTable"));
    m_previewTable->setModel(m_preview);
    m_previewTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_previewTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_previewTable->verticalHeader()->hide();
    m_previewTable->horizontalHeader()->setStretchLastSection(true);
    m_previewTable->setColumnHidden(TagPreview::PathColumn, true);
    m_previewTable->setMinimumHeight(160);
    m_previewSummary = new QLabel(this);
    m_previewSummary->setObjectName(QStringLiteral("previewSummary"));
    m_previewSummary->setWordWrap(true);

    m_message = new MessageBar(this);
    m_message->setObjectName(QStringLiteral("dialogMessage"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttons"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add to draft"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_newGroup);
    layout->addWidget(m_changes);
    layout->addWidget(m_existingGroup);
    layout->addWidget(m_groupCombo);
    layout->addWidget(new QLabel(tr("Before and after the draft runs:"), this));
    layout->addWidget(m_previewTable, 1);
    layout->addWidget(m_previewSummary);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(820, 640);

    for (TagEditor *editor : {m_userAdd, m_userRemove, m_techAdd, m_techRemove})
        connect(editor, &TagEditor::tagsChanged, this, &TagSelectedDialog::schedulePreview);
    for (DateTimeField *field : {m_archive, m_delete})
        connect(field, &DateTimeField::changed, this, &TagSelectedDialog::schedulePreview);
    for (QRadioButton *radio : {m_newGroup, m_existingGroup})
        connect(radio, &QRadioButton::toggled, this, &TagSelectedDialog::schedulePreview);
    connect(m_groupCombo, &QComboBox::currentIndexChanged, this,
            &TagSelectedDialog::schedulePreview);
    m_userAdd->setFocus(Qt::OtherFocusReason);
}

void TagSelectedDialog::setDraft(const DraftDocument &draft) {
    m_draft = draft;
    m_groupCombo->clear();
    if (draftTakesItems()) {
        for (int i = 0; i < draft.groups.size(); ++i)
            m_groupCombo->addItem(describeGroup(i, draft.groups.at(i)), i);
    }
    const bool canAdd = m_groupCombo->count() > 0;
    m_existingGroup->setEnabled(canAdd);
    m_groupCombo->setEnabled(canAdd);
    if (!canAdd)
        m_newGroup->setChecked(true);
    m_existingGroup->setToolTip(
        canAdd ? QString()
               : (draft.isBlank() ? tr("The draft has no groups yet.")
                                  : tr("The draft being composed is for another project.")));
    updatePreview();
}

void TagSelectedDialog::setTagCatalog(TagCatalog *catalog) {
    delete m_userCompletion;
    delete m_technicalCompletion;
    m_userCompletion = catalog ? new TagCompletionModel(catalog, TagKind::User, this) : nullptr;
    m_technicalCompletion =
        catalog ? new TagCompletionModel(catalog, TagKind::Technical, this) : nullptr;
    m_userAdd->setCompletionModel(m_userCompletion);
    m_userRemove->setCompletionModel(m_userCompletion);
    m_techAdd->setCompletionModel(m_technicalCompletion);
    m_techRemove->setCompletionModel(m_technicalCompletion);
}

bool TagSelectedDialog::draftTakesItems() const {
    return !m_draft.isBlank() && m_draft.projectId == m_projectId;
}

TagSelectedDialog::Target TagSelectedDialog::target() const {
    return m_existingGroup->isChecked() ? Target::ExistingGroup : Target::NewGroup;
}

int TagSelectedDialog::existingGroup() const {
    return m_groupCombo->currentData().isValid() ? m_groupCombo->currentData().toInt() : -1;
}

QStringList TagSelectedDialog::dataIds() const {
    QStringList ids;
    ids.reserve(m_items.size());
    for (const ProjectData &item : m_items)
        ids.append(item.id);
    return ids;
}

DataUpdateGroup TagSelectedDialog::newGroup() const {
    DataUpdateGroup group = changes();
    group.dataIds = dataIds();
    return group;
}

DataUpdateGroup TagSelectedDialog::changes() const {
    DataUpdateGroup group;
    group.userTags = TagUpdate{m_userAdd->tags(), m_userRemove->tags()};
    group.technicalTags = TagUpdate{m_techAdd->tags(), m_techRemove->tags()};
    group.willBeArchivedAt = m_archive->dateTime();
    group.clearWillBeArchivedAt = m_archive->clearRequested();
    group.willBeDeletedAt = m_delete->dateTime();
    group.clearWillBeDeletedAt = m_delete->clearRequested();
    return group;
}

CreateBatchRequest TagSelectedDialog::draftAfter() const {
    CreateBatchRequest request;
    if (draftTakesItems()) {
        // Only the selection is shown: the draft's other IDs would read as "not found".
        const QStringList ids = dataIds();
        const QSet<QString> selected(ids.cbegin(), ids.cend());
        request.dataUpdateGroups = m_draft.groups;
        for (DataUpdateGroup &group : request.dataUpdateGroups)
            group.dataIds.removeIf(
                [&selected](const QString &id) { return !selected.contains(id); });
    }
    if (target() == Target::ExistingGroup) {
        const int index = existingGroup();
        if (index >= 0 && index < request.dataUpdateGroups.size())
            request.dataUpdateGroups[index].dataIds.append(dataIds());
    } else {
        request.dataUpdateGroups.append(newGroup());
    }
    return request;
}

void TagSelectedDialog::schedulePreview() {
    m_changes->setEnabled(target() == Target::NewGroup);
    updateState();
    m_previewTimer->start();
}

void TagSelectedDialog::updatePreview() {
    m_changes->setEnabled(target() == Target::NewGroup);
    m_preview->setPreview(m_items, draftAfter());
    m_previewTable->resizeColumnToContents(TagPreview::NameColumn);
    m_previewSummary->setText(m_preview->summary());
    updateState();
}

QString TagSelectedDialog::message() const {
    if (m_items.isEmpty())
        return tr("Nothing is selected: select files or folders in the browser first.");
    if (target() == Target::ExistingGroup)
        return existingGroup() < 0 ? tr("Choose the group to add the items to.") : QString();
    const DataUpdateGroup group = changes();
    if (group.changesNothing())
        return tr("Add or remove a tag, or set or clear a date: the group would change nothing.");
    const bool dates = group.willBeArchivedAt.isValid() || group.willBeDeletedAt.isValid() ||
                       group.clearWillBeArchivedAt || group.clearWillBeDeletedAt;
    const bool folders = std::any_of(m_items.cbegin(), m_items.cend(),
                                     [](const ProjectData &item) { return item.isFolder(); });
    if (dates && folders)
        return tr("Dates cannot be set on folders: the composer will point at the folders "
                  "so you can remove them or the dates.");
    return {};
}

void TagSelectedDialog::updateState() {
    const QString text = message();
    m_message->showMessage(MessageBar::Kind::Warning, text);
    const bool blocked =
        m_items.isEmpty() ||
        (target() == Target::ExistingGroup ? existingGroup() < 0 : changes().changesNothing());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!blocked);
}

} // namespace ica::ui
