#include "ui/browser/tagrenamedialog.h"

#include "core/api/apiclient.h"

#include "core/data/tagcatalog.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ica::ui {

TagRenameDialog::TagRenameDialog(ApiClient *client, const QString &projectId,
                                 const QString &folderPath, TagCatalog *catalog, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_projectId(projectId)
    , m_folderPath(folderPath)
    , m_catalog(catalog)
    , m_kind(new QComboBox(this))
    , m_from(new QLineEdit(this))
    , m_to(new QLineEdit(this))
    , m_scopeProject(new QRadioButton(tr("The whole project"), this))
    , m_scopeFolder(new QRadioButton(this))
    , m_find(new QPushButton(tr("&Find items"), this))
    , m_summary(new QLabel(this))
    , m_preview(new QTableWidget(0, 3, this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("Rename or merge a tag"));
    m_kind->setObjectName(QStringLiteral("renameKind"));
    m_kind->addItem(tr("User tag"));
    m_kind->addItem(tr("Technical tag"));
    m_from->setObjectName(QStringLiteral("renameFrom"));
    m_from->setPlaceholderText(tr("The tag to rename"));
    m_to->setObjectName(QStringLiteral("renameTo"));
    m_to->setPlaceholderText(tr("Its new name (an existing tag: the two are merged)"));
    m_scopeProject->setObjectName(QStringLiteral("renameScopeProject"));
    m_scopeFolder->setObjectName(QStringLiteral("renameScopeFolder"));
    const bool inFolder = !folderPath.isEmpty() && folderPath != QLatin1String("/");
    m_scopeFolder->setText(inFolder ? tr("%1 and its subfolders").arg(folderPath)
                                    : tr("The folder shown (at the root: the whole project)"));
    m_scopeFolder->setEnabled(inFolder);
    (inFolder ? m_scopeFolder : m_scopeProject)->setChecked(true);
    m_find->setObjectName(QStringLiteral("renameFindButton"));
    m_summary->setObjectName(QStringLiteral("renameSummary"));
    m_summary->setWordWrap(true);
    m_preview->setObjectName(QStringLiteral("renamePreview"));
    m_preview->setHorizontalHeaderLabels({tr("Path"), tr("Tags now"), tr("Tags after")});
    m_preview->horizontalHeader()->setStretchLastSection(true);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_buttons->setObjectName(QStringLiteral("renameButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create draft"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);

    auto *scope = new QVBoxLayout;
    scope->addWidget(m_scopeProject);
    scope->addWidget(m_scopeFolder);
    auto *form = new QFormLayout;
    form->addRow(tr("Kind:"), m_kind);
    form->addRow(tr("Rename:"), m_from);
    form->addRow(tr("To:"), m_to);
    form->addRow(tr("In:"), scope);
    auto *findRow = new QHBoxLayout;
    findRow->addWidget(m_summary, 1);
    findRow->addWidget(m_find);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(findRow);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_buttons);
    resize(720, 520);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this]() {
        updateCompleter();
        onInputChanged();
    });
    connect(m_from, &QLineEdit::textChanged, this, &TagRenameDialog::onInputChanged);
    connect(m_to, &QLineEdit::textChanged, this, &TagRenameDialog::onInputChanged);
    connect(m_scopeProject, &QRadioButton::toggled, this, &TagRenameDialog::onInputChanged);
    connect(m_find, &QPushButton::clicked, this, &TagRenameDialog::findItems);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this]() {
        if (!m_ready || m_plan.isEmpty())
            return;
        Q_EMIT draftRequested(m_projectId, m_plan.request());
        accept();
    });
    updateCompleter();
    onInputChanged();
}

TagRenameDialog::~TagRenameDialog() = default;

void TagRenameDialog::setFrom(TagKind kind, const QString &tag) {
    m_kind->setCurrentIndex(kind == TagKind::User ? 0 : 1);
    m_from->setText(tag);
}

TagRenameSpec TagRenameDialog::spec() const {
    TagRenameSpec spec;
    spec.kind = m_kind->currentIndex() == 0 ? TagKind::User : TagKind::Technical;
    spec.from = m_from->text().trimmed();
    spec.to = m_to->text().trimmed();
    if (m_scopeFolder->isChecked())
        spec.folderPath = m_folderPath;
    return spec;
}

void TagRenameDialog::updateCompleter() {
    delete m_completer;
    m_completer = nullptr;
    if (!m_catalog)
        return;
    const TagKind kind = m_kind->currentIndex() == 0 ? TagKind::User : TagKind::Technical;
    m_completer = new QCompleter(new TagCompletionModel(m_catalog, kind, this), this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_from->setCompleter(m_completer);
}

void TagRenameDialog::onInputChanged() {
    // What is shown no longer matches the input: search again before a draft.
    delete m_run;
    m_run = nullptr;
    m_ready = false;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    const QString problem = spec().problem();
    m_find->setEnabled(problem.isEmpty() && m_client);
    m_summary->setText(problem.isEmpty() ? tr("Find the items that carry the tag, then check "
                                              "the change before the draft is made.")
                                         : problem);
}

void TagRenameDialog::findItems() {
    const TagRenameSpec s = spec();
    if (!s.problem().isEmpty() || !m_client)
        return;
    delete m_run;
    m_run = new QObject(this);
    m_ready = false;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_preview->setRowCount(0);
    m_summary->setText(tr("Looking for the items that carry \"%1\"…").arg(s.from));
    TagRename::find(m_client, m_projectId, s, m_run, [this](const Result<TagRenamePlan> &result) {
        if (!result.ok()) {
            m_summary->setText(
                tr("The items could not be listed: %1").arg(result.error.toString()));
            Q_EMIT searched();
            return;
        }
        showPlan(*result.value);
    });
}

void TagRenameDialog::showPlan(const TagRenamePlan &plan) {
    m_plan = plan;
    m_ready = true;
    const int shown = int(qMin<qsizetype>(plan.items.size(), PreviewRows));
    m_preview->setRowCount(shown);
    for (int r = 0; r < shown; ++r) {
        const TagRenameItem &item = plan.items.at(r);
        m_preview->setItem(r, 0, new QTableWidgetItem(item.path));
        m_preview->setItem(r, 1, new QTableWidgetItem(item.tagsNow.join(QStringLiteral(", "))));
        m_preview->setItem(r, 2, new QTableWidgetItem(item.tagsAfter.join(QStringLiteral(", "))));
    }
    QString text = plan.summary();
    if (plan.items.size() > shown)
        text += QLatin1Char(' ') + tr("The first %1 are shown.").arg(shown);
    m_summary->setText(text);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!plan.isEmpty());
    Q_EMIT searched();
}

} // namespace ica::ui
