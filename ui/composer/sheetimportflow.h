#pragma once

#include "core/domain/batch.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace ica {
class ApiClient;
}

namespace ica::ui {

class SheetImportDialog;

/// The composer's "Import sheet…": asks for a CSV/TSV file, reads it off the GUI
/// thread, opens a SheetImportDialog on it and, once accepted, hands the groups on
/// with groupsAccepted(). The project and client come from the callbacks at the time
/// of the import (the draft's project resolves a sheet of paths).
class SheetImportFlow final : public QObject {
    Q_OBJECT
public:
    using ClientGetter = std::function<ApiClient *()>;
    using ProjectGetter = std::function<QString()>;

    /// Dialogs open over `parent`.
    SheetImportFlow(QWidget *parent, ClientGetter client, ProjectGetter project);

    /// Asks for a file (a non-modal file dialog), then importFile().
    void chooseFile();
    /// Reads `path` off the GUI thread and opens the mapping dialog on it.
    void importFile(const QString &path);
    /// The mapping dialog open now, or null.
    [[nodiscard]] SheetImportDialog *dialog() const;

Q_SIGNALS:
    /// The user accepted the groups of a sheet for `projectId`.
    void groupsAccepted(const QString &projectId, const QList<ica::DataUpdateGroup> &groups);
    /// The file could not be read (the message says why and what to do).
    void failed(const QString &message);
    /// The mapping dialog is open (tests follow it).
    void dialogOpened();

private:
    QWidget *m_parent;
    ClientGetter m_client;
    ProjectGetter m_project;
    QPointer<SheetImportDialog> m_dialog;
};

} // namespace ica::ui
