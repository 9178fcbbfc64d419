#pragma once

#include <QDialog>
#include <QPointer>

#include <memory>

namespace ica {
class ApiClient;
}

namespace ica::ui {

namespace Ui {
class OpenBatchDialog;
}

/// "Open batch by ID": a project (chosen from the projects the profile can see, or
/// typed as an ID) and a batch ID. Open checks the input and emits
/// openRequested(); the dialog stays open, busy, until the owner calls
/// finishOpen() with the outcome, so a wrong ID is reported in place and nothing
/// typed is lost. Meant to be shown with open() (never blocks).
///
/// The form is openbatchdialog.ui. objectNames: openBatchDialog (this), projectCombo, batchIdEdit,
/// openBatchMessage, openButton, cancelButton.
class OpenBatchDialog final : public QDialog {
    Q_OBJECT
public:
    explicit OpenBatchDialog(QWidget *parent = nullptr);
    ~OpenBatchDialog() override;

    /// Lists the projects of `client` into the project box (not owned; may be null).
    void setClient(ApiClient *client);
    /// Preselects a project by ID (or puts the ID in the box when it is not listed).
    void setProjectId(const QString &projectId);
    [[nodiscard]] bool projectsLoaded() const { return m_projectsLoaded; }

    /// The owner's answer to openRequested(): an empty `error` closes the dialog
    /// (accepted); otherwise the error is shown and the dialog stays open.
    void finishOpen(const QString &error);
    [[nodiscard]] bool isBusy() const { return m_busy; }

    /// Checks the input and emits openRequested() (does not close the dialog).
    void accept() override;

Q_SIGNALS:
    /// IDs checked (UUIDs, trimmed); `projectName` is empty when the ID was typed.
    void openRequested(const QString &projectId, const QString &projectName,
                       const QString &batchId);

private:
    void showError(const QString &message);
    void setBusy(bool busy);
    /// The project ID of the box: a listed project's, or the typed text checked as
    /// a UUID. `name` gets the listed name; `error` what is wrong.
    QString resolveProject(QString *name, QString *error) const;

    QPointer<ApiClient> m_client;
    std::unique_ptr<Ui::OpenBatchDialog> m_ui;
    bool m_projectsLoaded = false;
    bool m_busy = false;
    QString m_wantedProject;
};

} // namespace ica::ui
