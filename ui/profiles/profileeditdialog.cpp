#include "profileeditdialog.h"

#include "keychainnote.h"
#include "secretfield.h"

#include "api/serverurl.h"
#include "diagnostics/statusnotices.h"
#include "session/connectiontest.h"
#include "session/profileactions.h"
#include "session/session.h"
#include "store/profilestore.h"
#include "store/secretstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace ica::ui {

namespace {

QLabel *messageLabel(const QString &objectName, QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ProfileEditDialog::ProfileEditDialog(Session *session, const Profile &profile, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_actions(new ProfileActions(session, this))
    , m_original(profile) {
    setObjectName(QStringLiteral("profileEditDialog"));
    setWindowTitle(isAdding() ? tr("Add profile") : tr("Edit profile \"%1\"").arg(profile.name));
    buildForm();
    fill(profile);
}

ProfileEditDialog::~ProfileEditDialog() = default;

void ProfileEditDialog::buildForm() {
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("profileNameEdit"));
    m_name->setToolTip(tr("A name that tells this account apart, such as \"Production\""));

    m_serverUrl = new QLineEdit(this);
    m_serverUrl->setObjectName(QStringLiteral("serverUrlEdit"));
    m_serverUrl->setToolTip(tr("The ICA API base, or a bare host name such as "
                               "ica.illumina.com. Only https, or http to this computer."));
    m_serverUrlMessage = messageLabel(QStringLiteral("serverUrlMessage"), this);

    m_authKind = new QComboBox(this);
    m_authKind->setObjectName(QStringLiteral("authKindCombo"));
    m_authKind->setToolTip(tr("How this profile signs in to ICA"));
    for (const AuthKind kind : {AuthKind::ApiKeyExchange, AuthKind::ApiKey, AuthKind::AccessToken})
        m_authKind->addItem(authKindLabel(kind), int(kind));

    m_secret = new SecretField(this);
    m_tenant = new QLineEdit(this);
    m_tenant->setObjectName(QStringLiteral("tenantNameEdit"));
    m_tenant->setToolTip(tr("Optional: the tenant's name, shown to tell accounts apart"));
    m_project = new QLineEdit(this);
    m_project->setObjectName(QStringLiteral("defaultProjectEdit"));
    m_project->setToolTip(tr("Optional: the id of the project to open first"));
    m_default = new QCheckBox(tr("Use this profile at &start"), this);
    m_default->setObjectName(QStringLiteral("defaultProfileCheck"));
    m_default->setToolTip(tr("Make this the default profile, used when the app starts"));

    m_keychainNote = new KeychainNote(this);

    m_testButton = new QPushButton(tr("&Test connection"), this);
    m_testButton->setObjectName(QStringLiteral("testConnectionButton"));
    m_testButton->setToolTip(tr("Make one call to the server with these settings (Alt+T)"));
    m_cancelTest = new QPushButton(tr("St&op test"), this);
    m_cancelTest->setObjectName(QStringLiteral("cancelTestButton"));
    m_cancelTest->setToolTip(tr("Stop the connection test (Alt+O)"));
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("testBusyIndicator"));
    m_busy->setRange(0, 0); // busy: no known progress
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(m_testButton->sizeHint().height() / 2);
    m_busy->setToolTip(tr("Waiting for the server"));
    m_testResult = messageLabel(QStringLiteral("testResultLabel"), this);
    m_error = messageLabel(QStringLiteral("formErrorLabel"), this);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    QPushButton *saveButton = m_buttons->button(QDialogButtonBox::Save);
    saveButton->setObjectName(QStringLiteral("saveButton"));
    saveButton->setToolTip(tr("Store the profile and its secret (Ctrl+S)"));
    saveButton->setShortcut(QKeySequence::Save);
    QPushButton *cancelButton = m_buttons->button(QDialogButtonBox::Cancel);
    cancelButton->setObjectName(QStringLiteral("cancelButton"));
    cancelButton->setToolTip(tr("Close without saving (Esc)"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Server &URL:"), m_serverUrl);
    form->addRow(QString(), m_serverUrlMessage);
    form->addRow(tr("&Authentication:"), m_authKind);
    m_secretLabel = new QLabel(this);
    m_secretLabel->setBuddy(m_secret->lineEdit());
    form->addRow(m_secretLabel, m_secret);
    form->addRow(QString(), m_keychainNote);
    form->addRow(tr("T&enant name:"), m_tenant);
    form->addRow(tr("Default &project id:"), m_project);
    form->addRow(QString(), m_default);

    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_busy, 1);
    testRow->addWidget(m_cancelTest);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(testRow);
    layout->addWidget(m_testResult);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    setTabOrder(m_name, m_serverUrl);
    setTabOrder(m_serverUrl, m_authKind);
    setTabOrder(m_authKind, m_secret->lineEdit());
    setTabOrder(m_secret->lineEdit(), m_secret->showCheck());
    setTabOrder(m_secret->showCheck(), m_tenant);
    setTabOrder(m_tenant, m_project);
    setTabOrder(m_project, m_default);
    setTabOrder(m_default, m_testButton);
    setTabOrder(m_testButton, m_cancelTest);

    connect(m_serverUrl, &QLineEdit::textChanged, this, &ProfileEditDialog::updateServerUrlMessage);
    connect(m_authKind, &QComboBox::currentIndexChanged, this,
            &ProfileEditDialog::updateSecretLabels);
    connect(m_testButton, &QPushButton::clicked, this, &ProfileEditDialog::testConnection);
    connect(m_cancelTest, &QPushButton::clicked, this, &ProfileEditDialog::cancelTest);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileEditDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Editing a field makes an earlier refusal stale.
    for (QLineEdit *edit : {m_name, m_serverUrl, m_tenant, m_project})
        connect(edit, &QLineEdit::textEdited, m_error, &QLabel::clear);
    connect(m_secret, &SecretField::textChanged, m_error, &QLabel::clear);
    setBusy(false);
}

void ProfileEditDialog::fill(const Profile &profile) {
    m_name->setText(profile.name);
    m_serverUrl->setText(profile.serverUrl);
    m_authKind->setCurrentIndex(m_authKind->findData(int(profile.authKind)));
    m_tenant->setText(profile.tenantName);
    m_project->setText(profile.defaultProjectId);
    m_default->setChecked(profile.isDefault);
    // Unchecking the default does nothing: another profile must be made the default.
    m_default->setEnabled(!profile.isDefault || isAdding());
    if (m_session)
        m_keychainNote->setStore(m_session->secretStoreFor(profile));
    updateServerUrlMessage();
    updateSecretLabels();
}

Profile ProfileEditDialog::profileFromFields() const {
    Profile p = m_original;
    p.name = m_name->text().trimmed();
    p.serverUrl = m_serverUrl->text().trimmed();
    p.authKind = AuthKind(m_authKind->currentData().toInt());
    p.tenantName = m_tenant->text().trimmed();
    p.defaultProjectId = m_project->text().trimmed();
    p.isDefault = m_default->isChecked();
    return p;
}

void ProfileEditDialog::updateServerUrlMessage() {
    QString error;
    const QUrl url = normalizeServerUrl(m_serverUrl->text(), &error);
    if (url.isValid())
        m_serverUrlMessage->setText(tr("Calls go to %1").arg(url.toString()));
    else
        m_serverUrlMessage->setText(error);
    m_serverUrlMessage->setProperty("invalid", !url.isValid());
}

void ProfileEditDialog::updateSecretLabels() {
    const AuthKind kind = AuthKind(m_authKind->currentData().toInt());
    const bool token = kind == AuthKind::AccessToken;
    m_secretLabel->setText(token ? tr("Access to&ken:") : tr("API &key:"));
    const bool sameKind = !isAdding() && secretKindFor(kind) == secretKindFor(m_original.authKind);
    if (sameKind)
        m_secret->setPlaceholderText(
            token ? tr("Stored: leave empty to keep it, or paste a new one")
                  : tr("Stored: leave empty to keep it, or enter a new one"));
    else
        m_secret->setPlaceholderText(token ? tr("Paste the JWT access token")
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
    if (m_secret->text().trimmed().isEmpty() && !secretKept)
        return tr("Enter the %1 of this profile: it is needed to connect.")
            .arg(secretKindLabel(kind));
    return {};
}

void ProfileEditDialog::showError(const QString &message) {
    m_error->setText(message);
}

void ProfileEditDialog::askForSecret(const QString &message) {
    showError(message);
    m_secret->setFocus(Qt::OtherFocusReason);
}

void ProfileEditDialog::setBusy(bool busy) {
    m_busy->setVisible(busy);
    m_cancelTest->setVisible(busy);
    m_testButton->setEnabled(!busy);
}

bool ProfileEditDialog::isTesting() const {
    return m_test && m_test->isRunning();
}

void ProfileEditDialog::testConnection() {
    if (!m_session || isTesting())
        return;
    QString urlError;
    if (!normalizeServerUrl(m_serverUrl->text(), &urlError).isValid()) {
        m_testResult->setText(urlError);
        m_serverUrl->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_testResult->setText(tr("Testing the connection..."));
    setBusy(true);
    // An empty secret field means the stored secret (when editing).
    Profile tested = profileFromFields();
    if (secretKindFor(tested.authKind) != secretKindFor(m_original.authKind))
        tested.id.clear(); // the stored secret is of the other kind: do not use it
    m_test = m_session->testConnection(
        tested, m_secret->text(), this,
        [this](const ConnectionTestResult &result) { showTestResult(result); });
    StatusNotices::post(tr("Testing the connection to %1...").arg(m_serverUrl->text().trimmed()));
}

void ProfileEditDialog::cancelTest() {
    if (m_test)
        m_test->cancel();
}

void ProfileEditDialog::showTestResult(const ConnectionTestResult &result) {
    setBusy(false);
    m_testResult->setText(result.ok() ? result.summary()
                                      : tr("Connection failed. %1").arg(result.summary()));
    m_testResult->setProperty("ok", result.ok());
    if (result.ok() && m_tenant->text().trimmed().isEmpty() && !result.tenantName.isEmpty())
        m_tenant->setText(result.tenantName); // a helpful default the user may change
    StatusNotices::post(result.summary());
    m_testButton->setFocus(Qt::OtherFocusReason);
}

void ProfileEditDialog::save() {
    if (!m_session || m_saving)
        return;
    if (const QString problem = localProblem(); !problem.isEmpty()) {
        showError(problem);
        const auto sameName = m_session->profileStore()->byName(m_name->text());
        if (m_name->text().trimmed().isEmpty() || (sameName && sameName->id != m_original.id))
            m_name->setFocus(Qt::OtherFocusReason);
        else if (!normalizeServerUrl(m_serverUrl->text()).isValid())
            m_serverUrl->setFocus(Qt::OtherFocusReason);
        else
            m_secret->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_saving = true;
    m_buttons->setEnabled(false);
    showError(QString());
    m_actions->save(
        profileFromFields(), m_secret->text(), [this](const ProfileActions::Outcome &outcome) {
            m_saving = false;
            m_buttons->setEnabled(true);
            if (!outcome.ok) {
                showError(outcome.error); // the fields stay as typed
                return;
            }
            m_secret->clear();
            Q_EMIT saved(outcome.profile);
            StatusNotices::post(outcome.warning.isEmpty()
                                    ? tr("Saved the profile \"%1\".").arg(outcome.profile.name)
                                    : outcome.warning);
            accept();
        });
}

} // namespace ica::ui
