#include "ui/monitor/openbatchdialog.h"
#include "ui_openbatchdialog.h"

#include "core/api/projectapi.h"
#include "core/history/batchids.h"
#include "ui/widgets/messagebar.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace ica::ui {

namespace {

/// One page is plenty for the box; the project can always be typed as an ID.
constexpr int ProjectPageSize = 1000;

} // namespace

OpenBatchDialog::OpenBatchDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::OpenBatchDialog>()) {
    m_ui->setupUi(this);
    // QDialogButtonBox makes its standard buttons itself, so the form cannot name them.
    QPushButton *open = m_ui->buttonBox->button(QDialogButtonBox::Open);
    open->setObjectName(QStringLiteral("openButton"));
    open->setToolTip(tr("Fetch the batch, show it and add it to the batches list"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)
        ->setObjectName(QStringLiteral("cancelButton"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &OpenBatchDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &OpenBatchDialog::reject);
    m_ui->batchIdEdit->setFocus();
}

OpenBatchDialog::~OpenBatchDialog() = default;

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
        const QString typed = m_ui->projectCombo->currentText();
        m_ui->projectCombo->clear(); // a client set again lists again
        for (const Project &project : result.value->items) {
            m_ui->projectCombo->addItem(project.name.isEmpty() ? project.id : project.name,
                                        project.id);
            m_ui->projectCombo->setItemData(m_ui->projectCombo->count() - 1, project.id,
                                            Qt::ToolTipRole);
        }
        m_projectsLoaded = true;
        if (!m_wantedProject.isEmpty())
            setProjectId(m_wantedProject);
        else if (!typed.isEmpty())
            m_ui->projectCombo->setEditText(typed); // keep what was typed while the list loaded
    });
}

void OpenBatchDialog::setProjectId(const QString &projectId) {
    m_wantedProject = projectId;
    const int index = m_ui->projectCombo->findData(projectId);
    if (index >= 0)
        m_ui->projectCombo->setCurrentIndex(index);
    else
        m_ui->projectCombo->setEditText(projectId);
}

QString OpenBatchDialog::resolveProject(QString *name, QString *error) const {
    const QString text = m_ui->projectCombo->currentText().trimmed();
    for (int i = 0; i < m_ui->projectCombo->count(); ++i) {
        if (m_ui->projectCombo->itemText(i).compare(text, Qt::CaseInsensitive) == 0 ||
            m_ui->projectCombo->itemData(i).toString() == text) {
            *name = m_ui->projectCombo->itemText(i);
            return m_ui->projectCombo->itemData(i).toString();
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
        m_ui->projectCombo->setFocus();
        return;
    }
    const CheckedId batch = checkUuid(m_ui->batchIdEdit->text(), tr("batch ID"));
    if (!batch.ok()) {
        showError(batch.error);
        m_ui->batchIdEdit->setFocus();
        return;
    }
    m_ui->openBatchMessage->clearMessage();
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
    m_ui->batchIdEdit->setFocus();
}

void OpenBatchDialog::showError(const QString &message) {
    m_ui->openBatchMessage->showMessage(MessageBar::Kind::Error, message);
}

void OpenBatchDialog::setBusy(bool busy) {
    m_busy = busy;
    m_ui->buttonBox->button(QDialogButtonBox::Open)->setEnabled(!busy);
    m_ui->projectCombo->setEnabled(!busy);
    m_ui->batchIdEdit->setEnabled(!busy);
    if (busy)
        m_ui->buttonBox->button(QDialogButtonBox::Open)->setText(tr("Opening…"));
    else
        m_ui->buttonBox->button(QDialogButtonBox::Open)->setText(tr("&Open"));
}

} // namespace ica::ui
