#include "secretpromptdialog.h"

#include "keychainnote.h"
#include "secretfield.h"

#include "diagnostics/statusnotices.h"
#include "session/session.h"
#include "store/secretstore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ica::ui {

SecretPromptDialog::SecretPromptDialog(Session *session, const Profile &profile,
                                       const QString &reason, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_profile(profile)
    , m_reason(new QLabel(this))
    , m_secret(new SecretField(this))
    , m_message(new QLabel(this)) {
    setObjectName(QStringLiteral("secretPromptDialog"));
    const QString label = secretKindLabel(secretKindFor(profile.authKind));
    setWindowTitle(tr("%1 for \"%2\"").arg(label.left(1).toUpper() + label.mid(1), profile.name));
    m_reason->setObjectName(QStringLiteral("secretPromptReason"));
    m_reason->setWordWrap(true);
    m_reason->setTextFormat(Qt::PlainText);
    m_message->setObjectName(QStringLiteral("secretPromptMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_secret->setPlaceholderText(profile.authKind == AuthKind::AccessToken
                                     ? tr("Paste the JWT access token")
                                     : tr("Paste the API key from ICA"));
    auto *note = new KeychainNote(this);
    note->setStore(session ? session->secretStoreFor(profile) : nullptr);

    auto *buttons = new QDialogButtonBox(this);
    m_connect = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setToolTip(tr("Store the secret and connect (Enter)"));
    m_connect->setDefault(true);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setToolTip(tr("Work without a connection for now (Esc)"));
    connect(m_connect, &QPushButton::clicked, this, &SecretPromptDialog::submit);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_secret, &SecretField::textChanged, m_message, &QLabel::clear);

    auto *form = new QFormLayout;
    auto *secretLabel = new QLabel(
        profile.authKind == AuthKind::AccessToken ? tr("Access to&ken:") : tr("API &key:"), this);
    secretLabel->setBuddy(m_secret->lineEdit());
    form->addRow(secretLabel, m_secret);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_reason);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setReason(reason);
    m_secret->setFocus(Qt::OtherFocusReason);
}

void SecretPromptDialog::setReason(const QString &reason) {
    m_reason->setText(reason);
}

void SecretPromptDialog::submit() {
    if (!m_session || !m_connect->isEnabled())
        return;
    const QString label = secretKindLabel(secretKindFor(m_profile.authKind));
    if (m_secret->text().trimmed().isEmpty()) {
        m_message->setText(
            tr("Enter the %1, or press Cancel to work without a connection.").arg(label));
        m_secret->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_connect->setEnabled(false);
    QPointer<SecretPromptDialog> self(this);
    m_session->setSecret(m_profile.id, m_secret->text(), [self, label](const SecretResult &r) {
        if (!self)
            return;
        self->m_connect->setEnabled(true);
        if (!r.ok()) {
            self->m_message->setText(r.message); // the typed secret stays in the field
            return;
        }
        self->m_secret->clear();
        StatusNotices::post(
            tr("Stored the %1 for \"%2\"; connecting.").arg(label, self->m_profile.name));
        self->accept();
    });
}

} // namespace ica::ui
