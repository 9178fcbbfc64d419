#include "ui/profiles/profileeditdialog.h"

#include "ui/profiles/keychainnote.h"
#include "ui/profiles/secretfield.h"
#include "ui_profileeditdialog.h"

#include "core/api/serverurl.h"
#include "core/diagnostics/statusnotices.h"
#include "core/session/connectiontest.h"
#include "core/session/profileactions.h"
#include "core/session/session.h"
#include "core/store/profilestore.h"
#include "core/store/secretstore.h"
#include "ui/widgets/fieldhint.h"
#include "ui/widgets/messagebar.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace ica::ui {

ProfileEditDialog::ProfileEditDialog(Session *session, const Profile &profile, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_actions(new ProfileActions(session, this))
    , m_original(profile)
    , m_ui(std::make_unique<Ui::ProfileEditDialog>()) {
    m_ui->setupUi(this);
    setWindowTitle(isAdding() ? tr("Add profile") : tr("Edit profile \"%1\"").arg(profile.name));
    setUpForm();
    fill(profile);
}

ProfileEditDialog::~ProfileEditDialog() = default;

void ProfileEditDialog::setUpForm() {
    for (const AuthKind kind : {AuthKind::ApiKeyExchange, AuthKind::ApiKey, AuthKind::AccessToken})
        m_ui->authKindCombo->addItem(authKindLabel(kind), int(kind));
    m_ui->testBusyIndicator->setMaximumHeight(m_ui->testConnectionButton->sizeHint().height() / 2);
    // QDialogButtonBox makes its standard buttons itself, so the form cannot name them.
    QPushButton *saveButton = m_ui->buttonBox->button(QDialogButtonBox::Save);
    saveButton->setObjectName(QStringLiteral("saveButton"));
    saveButton->setToolTip(tr("Store the profile and its secret (Ctrl+S)"));
    saveButton->setShortcut(QKeySequence::Save);
    QPushButton *cancelButton = m_ui->buttonBox->button(QDialogButtonBox::Cancel);
    cancelButton->setObjectName(QStringLiteral("cancelButton"));
    cancelButton->setToolTip(tr("Close without saving (Esc)"));

    connect(m_ui->serverUrlEdit, &QLineEdit::textChanged, this,
            &ProfileEditDialog::updateServerUrlMessage);
    connect(m_ui->authKindCombo, &QComboBox::currentIndexChanged, this,
            &ProfileEditDialog::updateSecretLabels);
    connect(m_ui->testConnectionButton, &QPushButton::clicked, this,
            &ProfileEditDialog::testConnection);
    connect(m_ui->cancelTestButton, &QPushButton::clicked, this, &ProfileEditDialog::cancelTest);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ProfileEditDialog::save);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Editing a field makes an earlier refusal stale.
    for (QLineEdit *edit : {m_ui->profileNameEdit, m_ui->serverUrlEdit, m_ui->tenantNameEdit,
                            m_ui->defaultProjectEdit})
        connect(edit, &QLineEdit::textEdited, m_ui->formMessage, &MessageBar::clearMessage);
    connect(m_ui->secretField, &SecretField::textChanged, m_ui->formMessage,
            &MessageBar::clearMessage);
    setBusy(false);
}

void ProfileEditDialog::fill(const Profile &profile) {
    m_ui->profileNameEdit->setText(profile.name);
    m_ui->serverUrlEdit->setText(profile.serverUrl);
    m_ui->authKindCombo->setCurrentIndex(m_ui->authKindCombo->findData(int(profile.authKind)));
    m_ui->tenantNameEdit->setText(profile.tenantName);
    m_ui->defaultProjectEdit->setText(profile.defaultProjectId);
    m_ui->defaultProfileCheck->setChecked(profile.isDefault);
    // Unchecking the default does nothing: another profile must be made the default.
    m_ui->defaultProfileCheck->setEnabled(!profile.isDefault || isAdding());
    if (m_session)
        m_ui->keychainNote->setStore(m_session->secretStoreFor(profile));
    updateServerUrlMessage();
    updateSecretLabels();
}

Profile ProfileEditDialog::profileFromFields() const {
    Profile p = m_original;
    p.name = m_ui->profileNameEdit->text().trimmed();
    p.serverUrl = m_ui->serverUrlEdit->text().trimmed();
    p.authKind = AuthKind(m_ui->authKindCombo->currentData().toInt());
    p.tenantName = m_ui->tenantNameEdit->text().trimmed();
    p.defaultProjectId = m_ui->defaultProjectEdit->text().trimmed();
    p.isDefault = m_ui->defaultProfileCheck->isChecked();
    return p;
}

void ProfileEditDialog::updateServerUrlMessage() {
    QString error;
    const QUrl url = normalizeServerUrl(m_ui->serverUrlEdit->text(), &error);
    if (url.isValid())
        m_ui->serverUrlMessage->showHint(tr("Calls go to %1").arg(url.toString()));
    else
        m_ui->serverUrlMessage->showHint(error, Tone::Error);
    m_ui->serverUrlMessage->setProperty("invalid", !url.isValid());
}

void ProfileEditDialog::updateSecretLabels() {
    const AuthKind kind = AuthKind(m_ui->authKindCombo->currentData().toInt());
    const bool token = kind == AuthKind::AccessToken;
    m_ui->secretLabel->setText(token ? tr("Access to&ken:") : tr("API &key:"));
    const bool sameKind = !isAdding() && secretKindFor(kind) == secretKindFor(m_original.authKind);
    if (sameKind)
        m_ui->secretField->setPlaceholderText(
            token ? tr("Stored: leave empty to keep it, or paste a new one")
                  : tr("Stored: leave empty to keep it, or enter a new one"));
    else
        m_ui->secretField->setPlaceholderText(token ? tr("Paste the JWT access token")
                                                    : tr("Paste the API key from ICA"));
}

QString ProfileEditDialog::localProblem() const {
    const Profile p = profileFromFields();
    if (m_session) {
        const QString error = m_session->profileStore()->validate(p, p.id);
        if (!error.isEmpty())
            return error;
    }
    const SecretKind kind = secretKindFor(p.authKind);
    const bool secretKept = !isAdding() && kind == secretKindFor(m_original.authKind);
    if (m_ui->secretField->text().trimmed().isEmpty() && !secretKept)
        return tr("Enter the %1 of this profile: it is needed to connect.")
            .arg(secretKindLabel(kind));
    return {};
}

void ProfileEditDialog::showError(const QString &message) {
    m_ui->formMessage->showMessage(MessageBar::Kind::Error, message);
}

void ProfileEditDialog::askForSecret(const QString &message) {
    showError(message);
    m_ui->secretField->setFocus(Qt::OtherFocusReason);
}

void ProfileEditDialog::setBusy(bool busy) {
    m_ui->testBusyIndicator->setVisible(busy);
    m_ui->cancelTestButton->setVisible(busy);
    m_ui->testConnectionButton->setEnabled(!busy);
}

bool ProfileEditDialog::isTesting() const {
    return m_test && m_test->isRunning();
}

void ProfileEditDialog::testConnection() {
    if (!m_session || isTesting())
        return;
    QString urlError;
    if (!normalizeServerUrl(m_ui->serverUrlEdit->text(), &urlError).isValid()) {
        m_ui->testResultMessage->showMessage(MessageBar::Kind::Error, urlError);
        m_ui->serverUrlEdit->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_ui->testResultMessage->showMessage(MessageBar::Kind::Info, tr("Testing the connection..."));
    setBusy(true);
    // An empty secret field means the stored secret (when editing).
    Profile tested = profileFromFields();
    if (secretKindFor(tested.authKind) != secretKindFor(m_original.authKind))
        tested.id.clear(); // the stored secret is of the other kind: do not use it
    m_test = m_session->testConnection(
        tested, m_ui->secretField->text(), this,
        [this](const ConnectionTestResult &result) { showTestResult(result); });
    StatusNotices::post(
        tr("Testing the connection to %1...").arg(m_ui->serverUrlEdit->text().trimmed()));
}

void ProfileEditDialog::cancelTest() {
    if (m_test)
        m_test->cancel();
}

void ProfileEditDialog::showTestResult(const ConnectionTestResult &result) {
    setBusy(false);
    if (result.ok())
        m_ui->testResultMessage->showMessage(MessageBar::Kind::Success, result.summary());
    else
        m_ui->testResultMessage->showMessage(MessageBar::Kind::Error,
                                             tr("Connection failed. %1").arg(result.summary()));
    if (result.ok() && m_ui->tenantNameEdit->text().trimmed().isEmpty() &&
        !result.tenantName.isEmpty())
        m_ui->tenantNameEdit->setText(result.tenantName); // a helpful default the user may change
    StatusNotices::post(result.summary());
    m_ui->testConnectionButton->setFocus(Qt::OtherFocusReason);
}

void ProfileEditDialog::save() {
    if (!m_session || m_saving)
        return;
    if (const QString problem = localProblem(); !problem.isEmpty()) {
        showError(problem);
        const auto sameName = m_session->profileStore()->byName(m_ui->profileNameEdit->text());
        if (m_ui->profileNameEdit->text().trimmed().isEmpty() ||
            (sameName && sameName->id != m_original.id))
            m_ui->profileNameEdit->setFocus(Qt::OtherFocusReason);
        else if (!normalizeServerUrl(m_ui->serverUrlEdit->text()).isValid())
            m_ui->serverUrlEdit->setFocus(Qt::OtherFocusReason);
        else
            m_ui->secretField->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_saving = true;
    m_ui->buttonBox->setEnabled(false);
    showError(QString());
    m_actions->save(profileFromFields(), m_ui->secretField->text(),
                    [this](const ProfileActions::Outcome &outcome) {
                        m_saving = false;
                        m_ui->buttonBox->setEnabled(true);
                        if (!outcome.ok) {
                            showError(outcome.error); // the fields stay as typed
                            return;
                        }
                        m_ui->secretField->clear();
                        Q_EMIT saved(outcome.profile);
                        StatusNotices::post(
                            outcome.warning.isEmpty()
                                ? tr("Saved the profile \"%1\".").arg(outcome.profile.name)
                                : outcome.warning);
                        accept();
                    });
}

} // namespace ica::ui
