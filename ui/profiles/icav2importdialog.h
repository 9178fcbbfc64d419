#pragma once

#include "core/store/icav2configimporter.h"

#include <QDialog>
#include <QPointer>

#include <memory>

class QPushButton;

namespace ica {
class ProfileActions;
class Session;
} // namespace ica

namespace ica::ui {

namespace Ui {
class Icav2ImportDialog;
}

/// Shows what an icav2 import found (the proposed profile, where each value came
/// from, what could not be read) without ever showing the secret, and imports it
/// as a new profile, its key and token going to the secret store.
/// The form is icav2importdialog.ui. objectNames: icav2ImportDialog, importSummary, importFindings,
/// importProblems, importMessage, importButton, skipButton, keychainNote.
class Icav2ImportDialog final : public QDialog {
    Q_OBJECT
public:
    Icav2ImportDialog(Session *session, const Icav2Import &found, QWidget *parent = nullptr);
    ~Icav2ImportDialog() override;

    [[nodiscard]] const Icav2Import &found() const { return m_found; }

Q_SIGNALS:
    /// The profile was added (and made current when it is the only one).
    void imported(const ica::Profile &profile);

public Q_SLOTS:
    void import();

private:
    QPointer<Session> m_session;
    ProfileActions *m_actions;
    Icav2Import m_found;
    std::unique_ptr<Ui::Icav2ImportDialog> m_ui;
    QPushButton *m_importButton = nullptr;
    QPushButton *m_skipButton = nullptr;
};

} // namespace ica::ui
