#include "ui/profiles/secretpromptdialog.h"

#include "ui/profiles/keychainnote.h"
#include "ui/profiles/secretfield.h"
#include "ui_secretpromptdialog.h"

#include "core/diagnostics/statusnotices.h"
#include "core/session/session.h"
#include "core/store/secretstore.h"
#include "ui/widgets/messagebar.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>

namespace ica::ui {

SecretPromptDialog::SecretPromptDialog(Session *session, const Profile &profile,
                                       const QString &reason, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_profile(profile)
    , m_ui(std::make_unique<Ui::SecretPromptDialog>()) {
    m_ui->setupUi(this);
    const QString label = secretKindLabel(secretKindFor(profile.authKind));
    setWindowTitle(tr("%1 for \"%2\"").arg(label.left(1).toUpper() + label.mid(1), profile.name));
    const bool token = profile.authKind == AuthKind::AccessToken;
    m_ui->secretLabel->setText(token ? tr("Access to&ken:") : tr("API &key:"));
    m_ui->secretField->setPlaceholderText(token ? tr("Paste the JWT access token")
                                                : tr("Paste the API key from ICA"));
    m_ui->keychainNote->setStore(session ? session->secretStoreFor(profile) : nullptr);

    // QDialogButtonBox makes its standard buttons itself, so the form cannot name them.
    m_connect = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    m_connect->setText(tr("&Connect"));
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setToolTip(tr("Store the secret and connect (Enter)"));
    m_connect->setDefault(true);
    QPushButton *cancel = m_ui->buttonBox->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setToolTip(tr("Work without a connection for now (Esc)"));
    connect(m_connect, &QPushButton::clicked, this, &SecretPromptDialog::submit);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_ui->secretField, &SecretField::textChanged, m_ui->secretPromptMessage,
            &MessageBar::clearMessage);
    setReason(reason);
    m_ui->secretField->setFocus(Qt::OtherFocusReason);
}

SecretPromptDialog::~SecretPromptDialog() = default;

void SecretPromptDialog::setReason(const QString &reason) {
    m_ui->secretPromptReason->setText(reason);
}

void SecretPromptDialog::submit() {
    if (!m_session || !m_connect->isEnabled())
        return;
    const QString label = secretKindLabel(secretKindFor(m_profile.authKind));
    if (m_ui->secretField->text().trimmed().isEmpty()) {
        m_ui->secretPromptMessage->showMessage(
            MessageBar::Kind::Error,
            tr("Enter the %1, or press Cancel to work without a connection.").arg(label));
        m_ui->secretField->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_connect->setEnabled(false);
    QPointer<SecretPromptDialog> self(this);
    m_session->setSecret(
        m_profile.id, m_ui->secretField->text(), [self, label](const SecretResult &r) {
            if (!self)
                return;
            self->m_connect->setEnabled(true);
            if (!r.ok()) {
                // The typed secret stays in the field.
                self->m_ui->secretPromptMessage->showMessage(MessageBar::Kind::Error, r.message);
                return;
            }
            self->m_ui->secretField->clear();
            StatusNotices::post(
                tr("Stored the %1 for \"%2\"; connecting.").arg(label, self->m_profile.name));
            self->accept();
        });
}

} // namespace ica::ui
