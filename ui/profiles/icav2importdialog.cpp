#include "ui/profiles/icav2importdialog.h"

#include "ui/profiles/keychainnote.h"
#include "ui_icav2importdialog.h"

#include "core/diagnostics/statusnotices.h"
#include "core/session/profileactions.h"
#include "core/session/session.h"
#include "core/store/profilestore.h"
#include "ui/widgets/messagebar.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>

namespace ica::ui {

namespace {

QString bulleted(const QStringList &lines) {
    QStringList out;
    for (const QString &line : lines)
        out.append(QStringLiteral("\u2022 ") + line);
    return out.join(QLatin1Char('\n'));
}

} // namespace

Icav2ImportDialog::Icav2ImportDialog(Session *session, const Icav2Import &found, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_actions(new ProfileActions(session, this))
    , m_found(found)
    , m_ui(std::make_unique<Ui::Icav2ImportDialog>()) {
    // The labels are plain text in the form: file contents must not be read as markup.
    m_ui->setupUi(this);

    // Which secrets were found, never their value.
    QStringList secrets;
    if (!found.apiKey.isEmpty())
        secrets.append(tr("an API key"));
    if (!found.accessToken.isEmpty())
        secrets.append(tr("an access token"));
    m_ui->importSummary->setText(
        tr("The icav2 command-line tool is set up on this computer. Import its settings as "
           "the profile \"%1\"?\n\nServer: %2\nAuthentication: %3\nSecrets: %4 (kept in the "
           "system keychain, not shown here)")
            .arg(found.profile.name, found.profile.serverUrl, authKindLabel(found.profile.authKind),
                 secrets.isEmpty() ? tr("none found") : secrets.join(tr(" and "))));
    m_ui->importFindings->setText(bulleted(found.findings));
    m_ui->importFindings->setVisible(!found.findings.isEmpty());
    if (!found.problems.isEmpty())
        m_ui->importProblems->setText(tr("Not imported:\n%1").arg(bulleted(found.problems)));
    m_ui->importProblems->setVisible(!found.problems.isEmpty());
    m_ui->keychainNote->setStore(session ? session->secretStore() : nullptr);

    // QDialogButtonBox makes its standard buttons itself, so the form cannot name them.
    m_importButton = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    m_importButton->setText(tr("&Import"));
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setToolTip(tr("Add this profile and store its secrets in the keychain"));
    m_importButton->setDefault(true);
    m_skipButton = m_ui->buttonBox->button(QDialogButtonBox::Cancel);
    m_skipButton->setText(tr("&Skip"));
    m_skipButton->setObjectName(QStringLiteral("skipButton"));
    m_skipButton->setToolTip(tr("Do not import; add a profile by hand instead (Esc)"));
    connect(m_importButton, &QPushButton::clicked, this, &Icav2ImportDialog::import);
    connect(m_skipButton, &QPushButton::clicked, this, &QDialog::reject);
}

Icav2ImportDialog::~Icav2ImportDialog() = default;

void Icav2ImportDialog::import() {
    if (!m_session || !m_importButton->isEnabled())
        return;
    m_importButton->setEnabled(false);
    m_ui->importMessage->showMessage(MessageBar::Kind::Info, tr("Importing..."));
    m_actions->importFromIcav2(m_found, [this](const ProfileActions::Outcome &outcome) {
        m_importButton->setEnabled(true);
        if (!outcome.ok) {
            m_ui->importMessage->showMessage(MessageBar::Kind::Error, outcome.error);
            return;
        }
        const QString text =
            tr("Imported the icav2 settings as the profile \"%1\".").arg(outcome.profile.name);
        m_ui->importMessage->showMessage(MessageBar::Kind::Success, text);
        // With nothing in use yet, work with the imported profile right away.
        if (m_session && !m_session->currentProfile())
            m_session->activateProfile(outcome.profile.id);
        Q_EMIT imported(outcome.profile);
        StatusNotices::post(text);
        accept();
    });
}

} // namespace ica::ui
