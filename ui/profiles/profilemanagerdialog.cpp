#include "ui/profiles/profilemanagerdialog.h"

#include "ui/profiles/icav2importdialog.h"
#include "ui/profiles/icav2importoffer.h"
#include "ui/profiles/keychainnote.h"
#include "ui/profiles/profileeditdialog.h"

#include "core/diagnostics/statusnotices.h"
#include "core/session/profileactions.h"
#include "core/session/session.h"
#include "ui/widgets/confirmation.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace ica::ui {

namespace {

constexpr int IdRole = Qt::UserRole;

QPushButton *button(const QString &text, const QString &objectName, const QString &toolTip,
                    QWidget *parent) {
    auto *b = new QPushButton(text, parent);
    b->setObjectName(objectName);
    b->setToolTip(toolTip);
    b->setAutoDefault(false);
    return b;
}

} // namespace

ProfileManagerDialog::ProfileManagerDialog(Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_actions(new ProfileActions(session, this)) {
    setObjectName(QStringLiteral("profileManagerDialog"));
    setWindowTitle(tr("Profiles"));

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setToolTip(
        tr("Your ICA accounts. Enter or double-click edits one; Delete removes it."));
    m_add = button(tr("&Add..."), QStringLiteral("addProfileButton"),
                   tr("Add a profile (Alt+A, Ctrl+N)"), this);
    m_edit = button(tr("&Edit..."), QStringLiteral("editProfileButton"),
                    tr("Change the selected profile or its secret (Alt+E)"), this);
    m_duplicate = button(tr("D&uplicate"), QStringLiteral("duplicateProfileButton"),
                         tr("Copy the selected profile and its secret (Alt+U)"), this);
    m_delete = button(tr("&Delete..."), QStringLiteral("deleteProfileButton"),
                      tr("Remove the selected profile and its secrets (Alt+D, Delete)"), this);
    m_default = button(tr("Make de&fault"), QStringLiteral("defaultProfileButton"),
                       tr("Use the selected profile when the app starts (Alt+F)"), this);
    m_use = button(tr("&Connect"), QStringLiteral("useProfileButton"),
                   tr("Work with the selected profile now (Alt+C)"), this);
    m_import =
        button(tr("&Import from icav2..."), QStringLiteral("importIcav2Button"),
               tr("Read the icav2 CLI's ~/.icav2/config.yaml and ICAV2_* variables (Alt+I)"), this);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("managerMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_keychainNote = new KeychainNote(this);
    m_keychainNote->setStore(session ? session->secretStore() : nullptr);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeButton"));
    close->setToolTip(tr("Close this window (Esc)"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *side = new QVBoxLayout;
    for (QPushButton *b : {m_add, m_edit, m_duplicate, m_delete, m_default, m_use, m_import})
        side->addWidget(b);
    side->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(side);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row, 1);
    layout->addWidget(m_keychainNote);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    QWidget *previous = m_list;
    for (QPushButton *b : {m_add, m_edit, m_duplicate, m_delete, m_default, m_use, m_import}) {
        setTabOrder(previous, b);
        previous = b;
    }
    setTabOrder(previous, close);

    connect(m_add, &QPushButton::clicked, this, &ProfileManagerDialog::addProfile);
    connect(m_edit, &QPushButton::clicked, this, &ProfileManagerDialog::editProfile);
    connect(m_duplicate, &QPushButton::clicked, this, &ProfileManagerDialog::duplicateProfile);
    connect(m_delete, &QPushButton::clicked, this, &ProfileManagerDialog::deleteProfile);
    connect(m_default, &QPushButton::clicked, this, &ProfileManagerDialog::makeDefault);
    connect(m_use, &QPushButton::clicked, this, &ProfileManagerDialog::useProfile);
    connect(m_import, &QPushButton::clicked, this, &ProfileManagerDialog::importFromIcav2);
    connect(m_list, &QListWidget::itemActivated, this, &ProfileManagerDialog::editProfile);
    connect(m_list, &QListWidget::currentRowChanged, this, &ProfileManagerDialog::updateButtons);
    auto *deleteKey = new QShortcut(QKeySequence::Delete, m_list);
    deleteKey->setContext(Qt::WidgetShortcut);
    connect(deleteKey, &QShortcut::activated, this, &ProfileManagerDialog::deleteProfile);
    auto *newKey = new QShortcut(QKeySequence::New, this);
    connect(newKey, &QShortcut::activated, this, &ProfileManagerDialog::addProfile);

    if (session) {
        connect(session, &Session::profilesChanged, this, &ProfileManagerDialog::rebuildList);
        connect(session, &Session::currentProfileChanged, this, &ProfileManagerDialog::rebuildList);
    }
    rebuildList();
    if (session && session->currentProfile())
        selectProfile(session->currentProfile()->id);
    m_list->setFocus(Qt::OtherFocusReason);
}

ProfileManagerDialog::~ProfileManagerDialog() = default;

ProfileEditDialog *ProfileManagerDialog::editDialog() const {
    return m_editDialog;
}

Icav2ImportDialog *ProfileManagerDialog::importDialog() const {
    return m_importDialog;
}

QMessageBox *ProfileManagerDialog::confirmationBox() const {
    return m_confirmBox;
}

QString ProfileManagerDialog::selectedProfileId() const {
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(IdRole).toString() : QString();
}

void ProfileManagerDialog::selectProfile(const QString &id) {
    for (int row = 0; row < m_list->count(); ++row)
        if (m_list->item(row)->data(IdRole).toString() == id) {
            m_list->setCurrentRow(row);
            return;
        }
}

QString ProfileManagerDialog::message() const {
    return m_message->text();
}

void ProfileManagerDialog::showMessage(const QString &message) {
    m_message->setText(message);
    if (!message.isEmpty())
        StatusNotices::post(message);
}

void ProfileManagerDialog::rebuildList() {
    if (!m_session)
        return;
    const QString selected = selectedProfileId();
    const auto current = m_session->currentProfile();
    m_list->clear();
    for (const Profile &p : m_session->profiles()) {
        QStringList notes;
        if (p.isDefault)
            notes.append(tr("default"));
        if (current && current->id == p.id)
            notes.append(tr("in use"));
        if (p.demo)
            notes.append(tr("simulator, this session only"));
        const QString text =
            notes.isEmpty()
                ? p.name
                : QStringLiteral("%1 (%2)").arg(p.name, notes.join(QStringLiteral(", ")));
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(IdRole, p.id);
        item->setToolTip(p.demo ? tr("The in-process simulator started by --demo")
                                : tr("%1 at %2").arg(authKindLabel(p.authKind), p.serverUrl));
    }
    selectProfile(selected);
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    updateButtons();
}

void ProfileManagerDialog::updateButtons() {
    const auto p = m_session ? m_session->profile(selectedProfileId()) : std::nullopt;
    const bool stored = p && !p->demo;
    m_edit->setEnabled(stored);
    m_duplicate->setEnabled(stored);
    m_delete->setEnabled(stored);
    m_default->setEnabled(stored && !p->isDefault);
    m_use->setEnabled(p.has_value());
}

void ProfileManagerDialog::openEditor(const Profile &profile, const QString &secretMessage) {
    if (m_editDialog) {
        m_editDialog->raise();
        m_editDialog->activateWindow();
        return;
    }
    auto *dialog = new ProfileEditDialog(m_session, profile, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_editDialog = dialog;
    connect(dialog, &ProfileEditDialog::saved, this, [this](const Profile &saved) {
        rebuildList();
        selectProfile(saved.id);
        m_message->setText(tr("Saved the profile \"%1\".").arg(saved.name));
        // The first profile: start working with it.
        if (m_session && !m_session->currentProfile())
            m_session->activateProfile(saved.id);
    });
    dialog->open();
    if (!secretMessage.isEmpty())
        dialog->askForSecret(secretMessage);
}

void ProfileManagerDialog::addProfile() {
    openEditor(Profile());
}

void ProfileManagerDialog::editProfile() {
    const auto p = m_session ? m_session->profile(selectedProfileId()) : std::nullopt;
    if (!p)
        return showMessage(tr("Select a profile in the list first."));
    if (p->demo)
        return showMessage(tr("The demo profile is set up by --demo and cannot be edited."));
    openEditor(*p);
}

void ProfileManagerDialog::duplicateProfile() {
    const QString id = selectedProfileId();
    if (id.isEmpty())
        return showMessage(tr("Select a profile in the list first."));
    m_duplicate->setEnabled(false);
    m_actions->duplicate(id, [this](const ProfileActions::Outcome &outcome) {
        updateButtons();
        if (!outcome.ok)
            return showMessage(outcome.error);
        rebuildList();
        selectProfile(outcome.profile.id);
        showMessage(outcome.warning.isEmpty()
                        ? tr("Made the copy \"%1\": change what differs and save.")
                              .arg(outcome.profile.name)
                        : outcome.warning);
        openEditor(outcome.profile, outcome.warning);
    });
}

void ProfileManagerDialog::confirm(const QString &question, std::function<void()> onYes) {
    if (m_confirmBox)
        m_confirmBox->close();
    m_confirmBox = Confirmation::ask(this, tr("Delete profile"), question, QString(), tr("&Delete"),
                                     [onYes = std::move(onYes)](bool yes) {
                                         if (yes)
                                             onYes();
                                     });
    if (m_confirmBox)
        m_confirmBox->setObjectName(QStringLiteral("confirmDeleteBox"));
}

void ProfileManagerDialog::deleteProfile() {
    const auto p = m_session ? m_session->profile(selectedProfileId()) : std::nullopt;
    if (!p)
        return showMessage(tr("Select a profile in the list first."));
    if (p->demo)
        return showMessage(tr("The demo profile is set up by --demo and cannot be deleted."));
    const QString id = p->id;
    const QString name = p->name;
    confirm(tr("Delete the profile \"%1\" and its stored API key or token? This cannot be "
               "undone.")
                .arg(name),
            [this, id, name] {
                m_actions->remove(id, [this, name](const ProfileActions::Outcome &outcome) {
                    if (!outcome.ok)
                        return showMessage(outcome.error);
                    rebuildList();
                    showMessage(outcome.warning.isEmpty()
                                    ? tr("Deleted the profile \"%1\".").arg(name)
                                    : outcome.warning);
                });
            });
}

void ProfileManagerDialog::makeDefault() {
    const QString id = selectedProfileId();
    if (id.isEmpty())
        return showMessage(tr("Select a profile in the list first."));
    const StoreResult<bool> result = m_actions->setDefault(id);
    if (!result.ok())
        return showMessage(result.error);
    rebuildList();
    if (const auto p = m_session->profile(id))
        showMessage(tr("\"%1\" is now used when the app starts.").arg(p->name));
}

void ProfileManagerDialog::useProfile() {
    const QString id = selectedProfileId();
    if (id.isEmpty())
        return showMessage(tr("Select a profile in the list first."));
    if (m_session && m_session->activateProfile(id))
        showMessage(tr("Connecting with \"%1\"...").arg(m_session->profile(id)->name));
}

void ProfileManagerDialog::importFromIcav2() {
    if (m_importing || m_importDialog)
        return;
    m_importing = true;
    m_import->setEnabled(false);
    showMessage(tr("Looking for the icav2 CLI's settings..."));
    Icav2ImportOffer::find(m_importer, this, [this](const Icav2Import &found) {
        m_importing = false;
        m_import->setEnabled(true);
        if (!found.foundAnything()) {
            QString text = tr("No icav2 settings were found: neither ~/.icav2/config.yaml nor the "
                              "ICAV2_SERVER_URL, ICAV2_X_API_KEY or ICAV2_ACCESS_TOKEN variables "
                              "gave a server, key or token.");
            if (!found.problems.isEmpty())
                text += QLatin1Char(' ') + found.problems.join(QLatin1Char(' '));
            return showMessage(text);
        }
        m_message->clear();
        auto *dialog = new Icav2ImportDialog(m_session, found, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_importDialog = dialog;
        connect(dialog, &Icav2ImportDialog::imported, this, [this](const Profile &profile) {
            rebuildList();
            selectProfile(profile.id);
            m_message->setText(tr("Imported the profile \"%1\".").arg(profile.name));
        });
        dialog->open();
    });
}

} // namespace ica::ui
