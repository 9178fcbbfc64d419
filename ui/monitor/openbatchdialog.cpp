#include "openbatchdialog.h"

#include "api/projectapi.h"
#include "history/batchids.h"
#include "style/tones.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ica::ui {

namespace {

/// One page is plenty for the box; the project can always be typed as an ID.
constexpr int ProjectPageSize = 1000;

} // namespace

OpenBatchDialog::OpenBatchDialog(QWidget *parent)
    : QDialog(parent)
    , m_project(new QComboBox(this))
    , m_batchId(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("openBatchDialog"));
    setWindowTitle(tr("Open Batch by ID"));
    m_project->setObjectName(QStringLiteral("projectCombo"));
    m_project->setEditable(true);
    m_project->setInsertPolicy(QComboBox::NoInsert);
    m_project->setMinimumContentsLength(36);
    m_project->setToolTip(tr("The project the batch belongs to: pick it, or paste its ID"));
    m_batchId->setObjectName(QStringLiteral("batchIdEdit"));
    m_batchId->setPlaceholderText(tr("e.g. 0f8fad5b-d9cb-469f-a165-70867728950e"));
    m_batchId->setToolTip(tr("The batch ID, as ICA or this app showed it when the batch was "
                             "created"));
    m_error->setObjectName(QStringLiteral("openErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setTextTone(m_error, Tone::Error);
    m_error->hide();
    QPushButton *open = m_buttons->button(QDialogButtonBox::Open);
    open->setObjectName(QStringLiteral("openButton"));
    open->setToolTip(tr("Fetch the batch, show it and add it to the batches list"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &OpenBatchDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &OpenBatchDialog::reject);

    auto *form = new QFormLayout;
    auto *projectLabel = new QLabel(tr("&Project:"), this);
    projectLabel->setBuddy(m_project);
    auto *batchLabel = new QLabel(tr("&Batch ID:"), this);
    batchLabel->setBuddy(m_batchId);
    form->addRow(projectLabel, m_project);
    form->addRow(batchLabel, m_batchId);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    m_batchId->setFocus();
}

void OpenBatchDialog::setClient(ApiClient *client) {
    m_client = client;
    m_projectsLoaded = false;
    if (!client)
        return;
    ProjectsQuery query;
    query.page = PageRequest::atOffset(0, ProjectPageSize);
    query.sort = QStringLiteral("name");
    ProjectApi(client).list(query, this, [this](const Result<ProjectPage> &result) {
        if (!result.ok()) {
            showError(tr("The projects could not be listed (%1): paste the project ID instead.")
                          .arg(result.error.toString()));
            return;
        }
        const QString typed = m_project->currentText();
        m_project->clear(); // a client set again lists again
        for (const Project &project : result.value->items) {
            m_project->addItem(project.name.isEmpty() ? project.id : project.name, project.id);
            m_project->setItemData(m_project->count() - 1, project.id, Qt::ToolTipRole);
        }
        m_projectsLoaded = true;
        if (!m_wantedProject.isEmpty())
            setProjectId(m_wantedProject);
        else if (!typed.isEmpty())
            m_project->setEditText(typed); // keep what was typed while the list loaded
    });
}

void OpenBatchDialog::setProjectId(const QString &projectId) {
    m_wantedProject = projectId;
    const int index = m_project->findData(projectId);
    if (index >= 0)
        m_project->setCurrentIndex(index);
    else
        m_project->setEditText(projectId);
}

QString OpenBatchDialog::resolveProject(QString *name, QString *error) const {
    const QString text = m_project->currentText().trimmed();
    for (int i = 0; i < m_project->count(); ++i) {
        if (m_project->itemText(i).compare(text, Qt::CaseInsensitive) == 0 ||
            m_project->itemData(i).toString() == text) {
            *name = m_project->itemText(i);
            return m_project->itemData(i).toString();
        }
    }
    const CheckedId checked = checkUuid(text, tr("project ID"));
    if (!checked.ok()) {
        *error = text.isEmpty()
                     ? tr("Choose the project the batch belongs to, or paste its ID.")
                     : tr("No listed project is called \"%1\", and %2")
                           .arg(text, checked.error.at(0).toLower() + checked.error.mid(1));
        return {};
    }
    name->clear();
    return checked.id;
}

void OpenBatchDialog::accept() {
    if (m_busy)
        return;
    QString name;
    QString error;
    const QString projectId = resolveProject(&name, &error);
    if (projectId.isEmpty()) {
        showError(error);
        m_project->setFocus();
        return;
    }
    const CheckedId batch = checkUuid(m_batchId->text(), tr("batch ID"));
    if (!batch.ok()) {
        showError(batch.error);
        m_batchId->setFocus();
        return;
    }
    m_error->hide();
    setBusy(true);
    Q_EMIT openRequested(projectId, name, batch.id);
}

void OpenBatchDialog::finishOpen(const QString &error) {
    setBusy(false);
    if (error.isEmpty()) {
        QDialog::accept();
        return;
    }
    showError(error);
    m_batchId->setFocus();
}

void OpenBatchDialog::showError(const QString &message) {
    m_error->setText(message);
    m_error->show();
}

void OpenBatchDialog::setBusy(bool busy) {
    m_busy = busy;
    m_buttons->button(QDialogButtonBox::Open)->setEnabled(!busy);
    m_project->setEnabled(!busy);
    m_batchId->setEnabled(!busy);
    if (busy)
        m_buttons->button(QDialogButtonBox::Open)->setText(tr("Opening…"));
    else
        m_buttons->button(QDialogButtonBox::Open)->setText(tr("&Open"));
}

} // namespace ica::ui
