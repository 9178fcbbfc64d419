#include "ui/composer/groupeditor.h"

#include "core/composer/delimitedfilereader.h"
#include "core/composer/draftcheck.h"
#include "core/data/dataidsmime.h"
#include "core/diagnostics/statusnotices.h"
#include "core/rows/offthread.h"
#include "ui/composer/idlistedit.h"
#include "ui/composer/importcolumndialog.h"
#include "ui/style/icons.h"
#include "ui/widgets/datetimefield.h"
#include "ui/widgets/fieldhint.h"
#include "ui/widgets/messagebar.h"
#include "ui/widgets/tageditor.h"

#include <QCheckBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace ica::ui {

namespace {

FieldHint *fieldHint(const QString &objectName, QWidget *parent) {
    auto *hint = new FieldHint(parent);
    hint->setObjectName(objectName);
    return hint;
}

QLabel *caption(const QString &text, QWidget *buddy, QWidget *parent) {
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

/// Shows the issues of one field, each followed by its `suffixes` entry (where in
/// the text it is). Red for errors, amber for warnings; the "Error:"/"Warning:"
/// prefix says the same without colour.
void showAt(FieldHint *hint, const QList<ValidationIssue> &issues, const QStringList &suffixes) {
    if (issues.isEmpty()) {
        hint->clearHint();
        return;
    }
    QStringList lines;
    bool anyError = false;
    for (qsizetype i = 0; i < issues.size(); ++i) {
        const ValidationIssue &issue = issues.at(i);
        anyError = anyError || issue.isError();
        QString line =
            (issue.isError() ? GroupEditor::tr("Error: ") : GroupEditor::tr("Warning: ")) +
            issue.message;
        if (i < suffixes.size() && !suffixes.at(i).isEmpty())
            line += QLatin1Char(' ') + suffixes.at(i);
        lines.append(line);
    }
    hint->showHint(lines.join(QLatin1Char('\n')), anyError ? Tone::Error : Tone::Warning);
}

} // namespace

GroupEditor::GroupEditor(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_removeButton(new QToolButton(this))
    , m_ids(new IdListEdit(this))
    , m_idCount(new QLabel(this))
    , m_importButton(new QPushButton(tr("&Import…"), this))
    , m_dropDuplicatesButton(new QPushButton(tr("Drop duplicates"), this))
    , m_importMessage(new MessageBar(this))
    , m_idsMessage(fieldHint(QStringLiteral("dataIdsMessage"), this))
    , m_groupMessage(fieldHint(QStringLiteral("groupMessage"), this))
    , m_userAdd(new TagEditor(tr("User tag to add"), this))
    , m_userRemove(new TagEditor(tr("User tag to remove"), this))
    , m_techAdd(new TagEditor(tr("Technical tag to add"), this))
    , m_techRemove(new TagEditor(tr("Technical tag to remove"), this))
    , m_userMessage(fieldHint(QStringLiteral("userTagsMessage"), this))
    , m_techMessage(fieldHint(QStringLiteral("technicalTagsMessage"), this))
    , m_archive(new DateTimeField(tr("Archi&ve on"), tr("Clear the archive date"), this))
    , m_delete(new DateTimeField(tr("D&elete on"), tr("Clear the delete date"), this))
    , m_archiveMessage(fieldHint(QStringLiteral("archiveDateMessage"), this))
    , m_deleteMessage(fieldHint(QStringLiteral("deleteDateMessage"), this)) {
    setObjectName(QStringLiteral("groupEditor"));
    setFrameShape(QFrame::StyledPanel);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    m_title->setFont(titleFont);
    m_removeButton->setObjectName(QStringLiteral("removeGroupButton"));
    setActionIcon(m_removeButton, ActionIcon::Delete);
    m_removeButton->setText(tr("Remove group"));
    m_removeButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_removeButton->setToolTip(tr("Remove this group and everything in it"));

    m_importMessage->setObjectName(QStringLiteral("importMessage"));
    m_ids->setObjectName(QStringLiteral("dataIdsEdit"));
    m_ids->setPlaceholderText(
        tr("Paste or type data IDs (fil.… or fol.…), separated by new lines, commas, "
           "spaces or tabs, or project paths, one per line (/runs/x/sample.bam, folders "
           "ending in /); or drop a .txt, .csv or .tsv file, or rows of the data browser, "
           "here."));
    m_ids->setToolTip(m_ids->placeholderText());
    m_ids->setTabChangesFocus(true);
    m_ids->setLineWrapMode(QPlainTextEdit::NoWrap);
    // Fixed pitch: IDs line up, and the layout of 100,000 lines is cheaper.
    m_ids->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // A change of the text's width makes QPlainTextEdit reset the layout of every
    // line (tens of milliseconds at 100,000 lines): a scroll bar that comes and goes
    // with the text would do that in the middle of a paste.
    m_ids->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    m_ids->setMinimumHeight(90);
    m_idCount->setObjectName(QStringLiteral("idCountLabel"));
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setToolTip(tr("Add the IDs of a .txt, .csv or .tsv file"));
    m_dropDuplicatesButton->setObjectName(QStringLiteral("dropDuplicatesButton"));
    m_dropDuplicatesButton->setToolTip(tr("Keep the first of each repeated ID in this group"));
    m_dropDuplicatesButton->hide();

    m_userAdd->setObjectName(QStringLiteral("userTagsAdd"));
    m_userRemove->setObjectName(QStringLiteral("userTagsRemove"));
    m_techAdd->setObjectName(QStringLiteral("technicalTagsAdd"));
    m_techRemove->setObjectName(QStringLiteral("technicalTagsRemove"));
    m_archive->setObjectName(QStringLiteral("archiveField"));
    m_delete->setObjectName(QStringLiteral("deleteField"));

    auto *header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(m_removeButton);

    auto *idButtons = new QHBoxLayout;
    idButtons->addWidget(m_idCount, 1);
    idButtons->addWidget(m_dropDuplicatesButton);
    idButtons->addWidget(m_importButton);

    auto *tags = new QGridLayout;
    tags->addWidget(new QLabel(tr("Add"), this), 0, 1);
    tags->addWidget(new QLabel(tr("Remove"), this), 0, 2);
    tags->addWidget(caption(tr("&User tags"), m_userAdd->input(), this), 1, 0, Qt::AlignTop);
    tags->addWidget(m_userAdd, 1, 1);
    tags->addWidget(m_userRemove, 1, 2);
    tags->addWidget(m_userMessage, 2, 1, 1, 2);
    tags->addWidget(caption(tr("&Technical tags"), m_techAdd->input(), this), 3, 0, Qt::AlignTop);
    tags->addWidget(m_techAdd, 3, 1);
    tags->addWidget(m_techRemove, 3, 2);
    tags->addWidget(m_techMessage, 4, 1, 1, 2);
    tags->setColumnStretch(1, 1);
    tags->setColumnStretch(2, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(caption(tr("&Data IDs"), m_ids, this));
    layout->addWidget(m_ids);
    layout->addLayout(idButtons);
    layout->addWidget(m_importMessage);
    layout->addWidget(m_idsMessage);
    layout->addLayout(tags);
    layout->addWidget(m_archive);
    layout->addWidget(m_archiveMessage);
    layout->addWidget(m_delete);
    layout->addWidget(m_deleteMessage);
    layout->addWidget(m_groupMessage);

    connect(m_ids, &IdListEdit::textContentsChange, this, &GroupEditor::onContentsChange);
    connect(m_ids, &QPlainTextEdit::textChanged, this, [this]() {
        if (isBusy())
            return; // a large paste: its IDs are read as a whole (onLargePasteStarted())
        // A safety net: contentsChange() reports every edit, but should a line count
        // ever disagree, read the text again rather than show wrong figures.
        if (m_list.lineCount() != m_ids->document()->blockCount())
            resyncIds();
        updateIdCount();
        if (!m_loading)
            Q_EMIT changed();
    });
    connect(m_ids, &IdListEdit::filesDropped, this, [this](const QStringList &paths) {
        for (const QString &path : paths)
            importFile(path);
    });
    connect(m_ids, &IdListEdit::idsDropped, this, &GroupEditor::addDroppedIds);
    connect(m_ids, &IdListEdit::largePasteStarted, this, &GroupEditor::onLargePasteStarted);
    connect(m_ids, &IdListEdit::largePasteFinished, this, [this]() {
        if (!m_pasteReader)
            settlePaste();
    });
    setAcceptDrops(true);
    for (TagEditor *editor : {m_userAdd, m_userRemove, m_techAdd, m_techRemove})
        connect(editor, &TagEditor::tagsChanged, this, &GroupEditor::changed);
    for (DateTimeField *field : {m_archive, m_delete})
        connect(field, &DateTimeField::changed, this, &GroupEditor::changed);
    connect(m_removeButton, &QToolButton::clicked, this, &GroupEditor::removeRequested);
    connect(m_importButton, &QPushButton::clicked, this, &GroupEditor::chooseImportFile);
    connect(m_dropDuplicatesButton, &QPushButton::clicked, this, &GroupEditor::dropDuplicates);
    setIndex(0);
    updateIdCount();
}

void GroupEditor::setIndex(int index) {
    m_index = index;
    m_title->setText(tr("Group %1").arg(index + 1));
    setAccessibleName(m_title->text());
}

IdParseResult GroupEditor::parsedIds() const {
    return m_list.parseResult();
}

bool GroupEditor::isBusy() const {
    return m_ids->isBusy() || m_pasteReader;
}

bool GroupEditor::idsPending() const {
    return m_pasteReader ||
           (m_ids->isBusy() && (m_ids->hasQueuedInput() || m_ids->changedDuringPaste()));
}

void GroupEditor::onLargePasteStarted(int firstLine, int removedLines, const QString &before,
                                      const QString &text, const QString &after) {
    m_ids->holdInput(true); // keys wait until the IDs below are read
    const quint64 generation = ++m_pasteGeneration;
    auto *reader = new QFutureWatcher<IncrementalIdList>(this);
    m_pasteReader = reader;
    connect(reader, &QFutureWatcherBase::finished, this, [this, reader, generation]() {
        reader->deleteLater();
        if (generation == m_pasteGeneration) // else finishPending() took it
            adoptPastedIds(reader->future().takeResult());
    });
    // The list is shared, not copied, until the worker changes its own copy; this
    // thread leaves it alone meanwhile (contentsChange is ignored while busy).
    const IncrementalIdList list = m_list;
    reader->setFuture(QtConcurrent::run([list, firstLine, removedLines, before, text, after]() {
        IncrementalIdList pasted = list;
        pasted.replaceText(firstLine, removedLines,
                           QString(before + IdListEdit::asInserted(text) + after));
        pasted.prepareSpare(); // here, not on the GUI thread at the first keystroke
        return pasted;
    }));
    m_idCount->setText(tr("Reading the pasted IDs…"));
}

void GroupEditor::adoptPastedIds(IncrementalIdList list) {
    m_pasteReader = nullptr;
    m_list = std::move(list); // moved: a copy would not have the spare
    updateIdCount();
    if (!m_ids->isPasting())
        settlePaste();
    if (!m_loading) {
        Q_EMIT changed();
        Q_EMIT checkRequested();
    }
}

void GroupEditor::settlePaste() {
    // A safety net, as for textChanged(): nothing but the paste should have changed
    // the text meanwhile, but if anything did, read it all again.
    if (m_ids->changedDuringPaste() || m_list.lineCount() != m_ids->document()->blockCount()) {
        resyncIds();
        updateIdCount();
        if (!m_loading)
            Q_EMIT changed();
    }
    m_ids->holdInput(false);
}

void GroupEditor::finishPending() {
    if (!isBusy())
        return;
    m_ids->finishPaste();
    if (QFutureWatcher<IncrementalIdList> *reader = m_pasteReader) {
        ++m_pasteGeneration; // its finished() is dropped: taken here
        reader->waitForFinished();
        adoptPastedIds(reader->future().takeResult());
    }
}

void GroupEditor::onContentsChange(int position, int charsRemoved, int charsAdded) {
    Q_UNUSED(charsRemoved)
    if (isBusy())
        return; // a large paste: its IDs are read as a whole (onLargePasteStarted())
    QTextDocument *doc = m_ids->document();
    const auto blockAt = [doc](int pos) {
        const QTextBlock block = doc->findBlock(qBound(0, pos, doc->characterCount() - 1));
        return block.isValid() ? block : doc->lastBlock();
    };
    // The changed range is [position, position + charsAdded) of the new text; the
    // lines after it are unchanged, so the old line count of the range follows from
    // how the block count changed.
    const QTextBlock first = blockAt(position);
    const QTextBlock last = blockAt(position + charsAdded);
    const int newLines = last.blockNumber() - first.blockNumber() + 1;
    const int removedLines = newLines - (doc->blockCount() - m_list.lineCount());
    if (removedLines < 0 || first.blockNumber() + removedLines > m_list.lineCount()) {
        resyncIds();
        return;
    }
    QStringList lines;
    lines.reserve(newLines);
    for (QTextBlock b = first; b.isValid() && b.blockNumber() <= last.blockNumber(); b = b.next())
        lines.append(b.text());
    m_list.replaceLines(first.blockNumber(), removedLines, lines);
}

void GroupEditor::resyncIds() {
    QStringList lines;
    lines.reserve(m_ids->document()->blockCount());
    for (QTextBlock b = m_ids->document()->begin(); b.isValid(); b = b.next())
        lines.append(b.text());
    m_list.replaceLines(0, m_list.lineCount(), lines);
}

DataUpdateGroup GroupEditor::group() const {
    DataUpdateGroup group;
    group.dataIds = m_list.ids(); // shared, not copied
    group.userTags = TagUpdate{m_userAdd->tags(), m_userRemove->tags()};
    group.technicalTags = TagUpdate{m_techAdd->tags(), m_techRemove->tags()};
    group.willBeArchivedAt = m_archive->dateTime();
    group.willBeDeletedAt = m_delete->dateTime();
    group.clearWillBeArchivedAt = m_archive->clearRequested();
    group.clearWillBeDeletedAt = m_delete->clearRequested();
    return group;
}

void GroupEditor::setGroup(const DataUpdateGroup &group) {
    finishPending();
    m_loading = true;
    // Only touch the text when the IDs differ, so the cursor stays where the user is.
    if (m_list.ids() != group.dataIds) {
        if (m_list.lineCount() >= IdListEdit::LargeClearBlocks) {
            // Emptying the list one ID at a time (its hash of 100,000 counts) took
            // milliseconds here: a fresh one takes over, the old one is freed on a worker.
            destroyOffThread(std::exchange(m_list, IncrementalIdList()), WorkPriority::Background);
        }
        m_ids->replaceText(IdListParser::format(group.dataIds));
        resyncIds();
    }
    m_userAdd->setTags(group.userTags.addTags);
    m_userRemove->setTags(group.userTags.removeTags);
    m_techAdd->setTags(group.technicalTags.addTags);
    m_techRemove->setTags(group.technicalTags.removeTags);
    m_archive->setDateTime(group.willBeArchivedAt);
    m_archive->setClearRequested(group.clearWillBeArchivedAt);
    m_delete->setDateTime(group.willBeDeletedAt);
    m_delete->setClearRequested(group.clearWillBeDeletedAt);
    m_loading = false;
    updateIdCount();
}

void GroupEditor::appendIds(const QStringList &ids) {
    if (ids.isEmpty())
        return;
    finishPending();
    QTextCursor cursor(m_ids->document());
    cursor.movePosition(QTextCursor::End);
    QString text = IdListParser::format(ids);
    // The last line holds text: start a new one (without copying the whole text).
    if (!m_ids->document()->lastBlock().text().isEmpty())
        text.prepend(QLatin1Char('\n'));
    cursor.insertText(text);
}

void GroupEditor::setTagCompletion(QAbstractItemModel *userTags,
                                   QAbstractItemModel *technicalTags) {
    m_userAdd->setCompletionModel(userTags);
    m_userRemove->setCompletionModel(userTags);
    m_techAdd->setCompletionModel(technicalTags);
    m_techRemove->setCompletionModel(technicalTags);
}

void GroupEditor::dragEnterEvent(QDragEnterEvent *event) {
    if (DataIdsMime::has(event->mimeData()))
        event->acceptProposedAction();
    else
        QFrame::dragEnterEvent(event);
}

void GroupEditor::dropEvent(QDropEvent *event) {
    if (!DataIdsMime::has(event->mimeData())) {
        QFrame::dropEvent(event);
        return;
    }
    event->acceptProposedAction();
    addDroppedIds(DataIdsMime::ids(event->mimeData()));
}

void GroupEditor::addDroppedIds(const QStringList &ids) {
    if (ids.isEmpty())
        return;
    appendIds(ids);
    StatusNotices::post(ids.size() == 1 ? tr("Added 1 item to group %1.").arg(m_index + 1)
                                        : tr("Added %1 items to group %2.")
                                              .arg(QLocale().toString(qlonglong(ids.size())))
                                              .arg(m_index + 1));
}

void GroupEditor::updateIdCount() {
    // From the counts kept as the text changes: O(1) per keystroke.
    const qsizetype paths = m_list.pathCount();
    const qsizetype ids = m_list.ids().size() - paths;
    const qsizetype repeated = m_list.duplicateCount();
    QString text = ids == 1 ? tr("1 ID") : tr("%1 IDs").arg(QLocale().toString(qlonglong(ids)));
    if (paths > 0)
        text +=
            QStringLiteral(", ") +
            (paths == 1 ? tr("1 path") : tr("%1 paths").arg(QLocale().toString(qlonglong(paths))));
    if (repeated > 0)
        text += QLatin1Char(' ') + tr("(%1 repeated)").arg(repeated);
    m_idCount->setText(text);
    m_dropDuplicatesButton->setVisible(repeated > 0);
}

QString GroupEditor::linesOf(const QStringList &ids) const {
    constexpr int MaxLines = 10;
    // One pass over the list, not one per ID: a list may hold 100,000.
    return DraftCheck::describeLines(
        IncrementalIdList::linesOf(ids, m_list.ids(), m_list.lines(), MaxLines + 1), MaxLines);
}

FieldHint *GroupEditor::hintFor(DraftField field) const {
    switch (field) {
    case DraftField::DataIds:
        return m_idsMessage;
    case DraftField::UserTags:
        return m_userMessage;
    case DraftField::TechnicalTags:
        return m_techMessage;
    case DraftField::ArchiveDate:
        return m_archiveMessage;
    case DraftField::DeleteDate:
        return m_deleteMessage;
    case DraftField::Group:
        return m_groupMessage;
    case DraftField::Draft:
    case DraftField::Project:
        break;
    }
    return nullptr;
}

void GroupEditor::showIssues(const QList<ValidationIssue> &issues, const QStringList &hints) {
    for (const DraftField field :
         {DraftField::DataIds, DraftField::UserTags, DraftField::TechnicalTags,
          DraftField::ArchiveDate, DraftField::DeleteDate, DraftField::Group}) {
        QList<ValidationIssue> here;
        QStringList suffixes;
        for (qsizetype i = 0; i < issues.size(); ++i) {
            const ValidationIssue &issue = issues.at(i);
            if (issue.group != m_index || issue.field != field)
                continue;
            here.append(issue);
            if (i < hints.size()) { // found off the GUI thread
                suffixes.append(hints.at(i));
                continue;
            }
            // Where the IDs an issue names are, so they can be found in a long list.
            const bool namesIds =
                issue.code == IssueCode::MalformedId || issue.code == IssueCode::DuplicateId ||
                issue.code == IssueCode::IdTooLong || issue.code == IssueCode::IdInOtherGroup ||
                issue.code == IssueCode::DateOnFolder;
            suffixes.append(namesIds ? linesOf(issue.subjects) : QString());
        }
        showAt(hintFor(field), here, suffixes);
    }
}

QString GroupEditor::messageAt(DraftField field) const {
    const FieldHint *hint = hintFor(field);
    return hint ? hint->text() : QString();
}

void GroupEditor::focusField(DraftField field) {
    switch (field) {
    case DraftField::UserTags:
        m_userAdd->setFocus(Qt::OtherFocusReason);
        break;
    case DraftField::TechnicalTags:
        m_techAdd->setFocus(Qt::OtherFocusReason);
        break;
    case DraftField::ArchiveDate:
        m_archive->setCheck()->setFocus(Qt::OtherFocusReason);
        break;
    case DraftField::DeleteDate:
        m_delete->setCheck()->setFocus(Qt::OtherFocusReason);
        break;
    default:
        m_ids->setFocus(Qt::OtherFocusReason);
        break;
    }
}

ImportColumnDialog *GroupEditor::importDialog() const {
    return m_importDialog;
}

void GroupEditor::chooseImportFile() {
    // open(), not exec(): the rest of the application stays responsive.
    auto *dialog = new QFileDialog(this, tr("Import data IDs"));
    dialog->setObjectName(QStringLiteral("importFileDialog"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("ID lists (*.txt *.csv *.tsv)"), tr("All files (*)")});
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &GroupEditor::importFile);
    dialog->open();
}

void GroupEditor::importFile(const QString &path) {
    m_importMessage->clearMessage();
    StatusNotices::post(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    DelimitedFileReader::readFileAsync(
        path, this, [this, path](const DelimitedTable &table) { onFileRead(path, table); });
}

void GroupEditor::onFileRead(const QString &path, const DelimitedTable &table) {
    const QString name = QFileInfo(path).fileName();
    if (!table.ok() || table.rows.isEmpty() || (table.hasHeader && table.rows.size() == 1)) {
        const QString message =
            table.ok() ? tr("%1 holds no IDs: check that you picked the right file.").arg(name)
                       : table.error;
        m_importMessage->showMessage(MessageBar::Kind::Error, message);
        StatusNotices::post(message);
        return;
    }
    if (table.columnCount() <= 1) {
        addImported(path, table.columnValues(0));
        return;
    }
    if (m_importDialog)
        m_importDialog->close();
    auto *dialog = new ImportColumnDialog(table, path, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_importDialog = dialog;
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, path]() { addImported(path, dialog->values()); });
    dialog->open();
}

void GroupEditor::addImported(const QString &path, const QStringList &values) {
    const QStringList ids = IdListParser::parseValues(values).ids();
    appendIds(ids);
    const QString message =
        tr("Added %1 IDs from %2.").arg(ids.size()).arg(QFileInfo(path).fileName());
    m_importMessage->showMessage(MessageBar::Kind::Success, message);
    StatusNotices::post(message);
}

void GroupEditor::dropDuplicates() {
    finishPending();
    const qsizetype dropped = m_list.duplicateCount();
    if (dropped == 0)
        return;
    m_ids->replaceText(IdListParser::format(m_list.parseResult().uniqueIds()));
    resyncIds();
    StatusNotices::post(tr("Dropped %1 repeated IDs from group %2.").arg(dropped).arg(m_index + 1));
}

} // namespace ica::ui
