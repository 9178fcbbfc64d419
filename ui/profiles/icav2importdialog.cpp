#include "icav2importdialog.h"

#include "keychainnote.h"

#include "diagnostics/statusnotices.h"
#include "session/profileactions.h"
#include "session/session.h"
#include "store/profilestore.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ica::ui {

namespace {

QLabel *textLabel(const QString &objectName, const QString &text, QWidget *parent) {
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText); // file contents must not be read as markup
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

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
    , m_found(found) {
    setObjectName(QStringLiteral("icav2ImportDialog"));
    setWindowTitle(tr("Import from the icav2 CLI"));

    // Which secrets were found, never their value.
    QStringList secrets;
    if (!found.apiKey.isEmpty())
        secrets.append(tr("an API key"));
    if (!found.accessToken.isEmpty())
        secrets.append(tr("an access token"));
    const QString summary =
        tr("The icav2 command-line tool is set up on this computer. Import its settings as "
           "the profile \"%1\"?\n\nServer: %2\nAuthentication: %3\nSecrets: %4 (kept in the "
           "system keychain, not shown here)")
            .arg(found.profile.name, found.profile.serverUrl, authKindLabel(found.profile.authKind),
                 secrets.isEmpty() ? tr("none found") : secrets.join(tr(" and ")));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(textLabel(QStringLiteral("importSummary"), summary, this));
    if (!found.findings.isEmpty())
        layout->addWidget(
            textLabel(QStringLiteral("importFindings"), bulleted(found.findings), this));
    if (!found.problems.isEmpty())
        layout->addWidget(textLabel(QStringLiteral("importProblems"),
                                    tr("Not imported:\n%1").arg(bulleted(found.problems)), this));
    auto *note = new KeychainNote(this);
    note->setStore(session ? session->secretStore() : nullptr);
    layout->addWidget(note);
    m_message = textLabel(QStringLiteral("importMessage"), QString(), this);
    layout->addWidget(m_message);

    auto *buttons = new QDialogButtonBox(this);
    m_importButton = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setToolTip(tr("Add this profile and store its secrets in the keychain"));
    m_importButton->setDefault(true);
    m_skipButton = buttons->addButton(tr("&Skip"), QDialogButtonBox::RejectRole);
    m_skipButton->setObjectName(QStringLiteral("skipButton"));
    m_skipButton->setToolTip(tr("Do not import; add a profile by hand instead (Esc)"));
    layout->addWidget(buttons);
    connect(m_importButton, &QPushButton::clicked, this, &Icav2ImportDialog::import);
    connect(m_skipButton, &QPushButton::clicked, this, &QDialog::reject);
}

Icav2ImportDialog::~Icav2ImportDialog() = default;

void Icav2ImportDialog::import() {
    if (!m_session || !m_importButton->isEnabled())
        return;
    m_importButton->setEnabled(false);
    m_message->setText(tr("Importing..."));
    m_actions->importFromIcav2(m_found, [this](const ProfileActions::Outcome &outcome) {
        m_importButton->setEnabled(true);
        if (!outcome.ok) {
            m_message->setText(outcome.error);
            return;
        }
        const QString text =
            tr("Imported the icav2 settings as the profile \"%1\".").arg(outcome.profile.name);
        m_message->setText(text);
        // With nothing in use yet, work with the imported profile right away.
        if (m_session && !m_session->currentProfile())
            m_session->activateProfile(outcome.profile.id);
        Q_EMIT imported(outcome.profile);
        StatusNotices::post(text);
        accept();
    });
}

} // namespace ica::ui
