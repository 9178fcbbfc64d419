#include "ui/widgets/tageditor.h"

#include "ui/style/icons.h"

#include <QCompleter>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace ica::ui {

namespace {

/// Shows what the eye cannot: blank tags and spaces around a tag.
QString chipText(const QString &tag) {
    if (tag.trimmed().isEmpty())
        return TagEditor::tr("(blank)");
    if (tag.trimmed() != tag)
        return QLatin1Char('"') + tag + QLatin1Char('"');
    return tag;
}

} // namespace

TagEditor::TagEditor(const QString &placeholder, QWidget *parent)
    : QWidget(parent)
    , m_input(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_remove(new QToolButton(this)) {
    m_input->setObjectName(QStringLiteral("tagInput"));
    m_input->setPlaceholderText(placeholder);
    m_input->setToolTip(tr("Type a tag and press Enter to add it."));
    m_input->setClearButtonEnabled(true);

    m_list->setObjectName(QStringLiteral("tagList"));
    m_list->setFlow(QListView::LeftToRight);
    m_list->setWrapping(true);
    m_list->setSpacing(2);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setMaximumHeight(64);
    m_list->setToolTip(tr("Select tags and press Delete to remove them."));
    m_list->installEventFilter(this);
    m_list->setAccessibleName(placeholder);

    m_remove->setObjectName(QStringLiteral("removeTagButton"));
    setActionIcon(m_remove, ActionIcon::Remove);
    m_remove->setToolTip(tr("Remove the selected tags (Delete)"));
    m_remove->setEnabled(false);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_input, 1);
    row->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_list);

    // Enter is handled in eventFilter(), not through returnPressed: QLineEdit passes
    // the key on, and in a dialog it would also press the default button.
    m_input->installEventFilter(this);
    connect(m_remove, &QToolButton::clicked, this, &TagEditor::removeSelected);
    connect(m_list, &QListWidget::itemSelectionChanged, this, &TagEditor::updateButtons);
    setFocusProxy(m_input);
    m_list->hide();
}

QStringList TagEditor::tags() const {
    QStringList tags;
    for (int i = 0; i < m_list->count(); ++i)
        tags.append(m_list->item(i)->data(Qt::UserRole).toString());
    return tags;
}

void TagEditor::setCompletionModel(QAbstractItemModel *model) {
    if (!model) {
        delete m_input->completer();
        m_input->setCompleter(nullptr);
        return;
    }
    QCompleter *completer = m_input->completer();
    if (!completer) {
        completer = new QCompleter(this);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        // The model's order is the ranking (most used first); a sorted model would
        // make the completer re-sort alphabetically.
        completer->setModelSorting(QCompleter::UnsortedModel);
        completer->setMaxVisibleItems(12);
        m_input->setCompleter(completer);
    }
    completer->setModel(model);
}

QCompleter *TagEditor::completer() const {
    return m_input->completer();
}

void TagEditor::setTags(const QStringList &tags) {
    m_list->clear();
    for (const QString &tag : tags)
        appendChip(tag);
    updateButtons();
}

void TagEditor::appendChip(const QString &tag) {
    auto *item = new QListWidgetItem(chipText(tag), m_list);
    item->setData(Qt::UserRole, tag);
    item->setToolTip(tr("Press Delete to remove \"%1\"").arg(tag));
    m_list->setVisible(true);
}

void TagEditor::addFromInput() {
    const QString tag = m_input->text();
    if (tag.isEmpty())
        return;
    m_input->clear();
    if (tags().contains(tag))
        return;
    appendChip(tag);
    updateButtons();
    Q_EMIT tagsChanged();
}

void TagEditor::removeSelected() {
    const QList<QListWidgetItem *> selected = m_list->selectedItems();
    if (selected.isEmpty())
        return;
    int row = m_list->row(selected.first());
    qDeleteAll(selected);
    if (m_list->count() > 0)
        m_list->setCurrentRow(qMin(row, m_list->count() - 1));
    updateButtons();
    Q_EMIT tagsChanged();
}

void TagEditor::updateButtons() {
    m_remove->setEnabled(!m_list->selectedItems().isEmpty());
    m_list->setVisible(m_list->count() > 0);
}

bool TagEditor::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (enter && !m_input->text().isEmpty()) {
            addFromInput();
            return true; // a tag was added: Enter means nothing more
        }
    }
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) {
            removeSelected();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace ica::ui
