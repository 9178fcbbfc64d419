#include "ui/profiles/profileswitcher.h"

#include "ui/profiles/profilemanagerdialog.h"
#include "ui/profiles/secretpromptdialog.h"

#include "core/diagnostics/statusnotices.h"
#include "core/session/session.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

namespace ica::ui {

namespace {

constexpr int IdRole = Qt::UserRole;
/// The id of the "Manage profiles..." entry (profile ids are UUIDs).
const QString ManageEntry = QStringLiteral("#manage");

} // namespace

ProfileSwitcher::ProfileSwitcher(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_combo(new QComboBox(this))
    , m_manageAction(new QAction(tr("Manage &profiles..."), this)) {
    setObjectName(QStringLiteral("profileSwitcher"));
    m_combo->setObjectName(QStringLiteral("profileCombo"));
    m_combo->setToolTip(tr("The ICA account every view works with"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->setPlaceholderText(tr("No profile"));
    m_manageAction->setObjectName(QStringLiteral("manageProfilesAction"));
    m_manageAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_manageAction->setToolTip(tr("Add, edit or remove profiles (Ctrl+Shift+P)"));
    // Reachable wherever the window has focus, also when no menu holds the action.
    m_manageAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_manageAction);
    connect(m_manageAction, &QAction::triggered, this, &ProfileSwitcher::openManager);

    auto *label = new QLabel(tr("P&rofile:"), this);
    label->setBuddy(m_combo);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_combo);
    setFocusProxy(m_combo);

    connect(m_combo, &QComboBox::activated, this, &ProfileSwitcher::onActivated);
    if (session) {
        connect(session, &Session::profilesChanged, this, &ProfileSwitcher::rebuild);
        connect(session, &Session::currentProfileChanged, this, &ProfileSwitcher::selectCurrent);
        connect(session, &Session::secretMissing, this, &ProfileSwitcher::askForSecret);
    }
    rebuild();
}

ProfileSwitcher::~ProfileSwitcher() = default;

ProfileManagerDialog *ProfileSwitcher::managerDialog() const {
    return m_manager;
}

SecretPromptDialog *ProfileSwitcher::secretPrompt() const {
    return m_prompt;
}

void ProfileSwitcher::rebuild() {
    if (!m_session)
        return;
    m_rebuilding = true;
    m_combo->clear();
    for (const Profile &p : m_session->profiles()) {
        m_combo->addItem(p.demo ? tr("%1 (simulator)").arg(p.name) : p.name, p.id);
        m_combo->setItemData(m_combo->count() - 1,
                             p.demo ? tr("The in-process simulator") : p.serverUrl,
                             Qt::ToolTipRole);
    }
    if (m_combo->count() > 0)
        m_combo->insertSeparator(m_combo->count());
    m_combo->addItem(m_manageAction->text().remove(QLatin1Char('&')), ManageEntry);
    m_rebuilding = false;
    selectCurrent();
}

void ProfileSwitcher::selectCurrent() {
    const auto current = m_session ? m_session->currentProfile() : std::nullopt;
    const int index = current ? m_combo->findData(current->id, IdRole) : -1;
    m_combo->setCurrentIndex(index); // -1 shows the placeholder "No profile"
}

void ProfileSwitcher::onActivated(int index) {
    if (m_rebuilding || !m_session)
        return;
    const QString id = m_combo->itemData(index, IdRole).toString();
    if (id == ManageEntry) {
        selectCurrent(); // the entry is a command, not a choice
        openManager();
        return;
    }
    const auto current = m_session->currentProfile();
    if (id.isEmpty() || (current && current->id == id))
        return;
    if (m_session->activateProfile(id))
        StatusNotices::post(tr("Switching to the profile \"%1\"...").arg(m_combo->itemText(index)));
    else
        selectCurrent();
}

ProfileManagerDialog *ProfileSwitcher::openManager() {
    if (!m_session)
        return nullptr;
    if (!m_manager) {
        m_manager = new ProfileManagerDialog(m_session, window());
        m_manager->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_manager->open();
    m_manager->raise();
    m_manager->activateWindow();
    return m_manager;
}

void ProfileSwitcher::askForSecret(const Profile &profile, const QString &reason) {
    if (!m_promptForSecrets || !m_session)
        return;
    if (m_prompt && m_prompt->profileId() == profile.id) {
        m_prompt->setReason(reason);
        return;
    }
    if (m_prompt)
        m_prompt->close();
    auto *prompt = new SecretPromptDialog(m_session, profile, reason, window());
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    m_prompt = prompt;
    prompt->open();
}

} // namespace ica::ui
