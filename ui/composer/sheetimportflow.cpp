#include "ui/composer/sheetimportflow.h"

#include "ui/composer/sheetimportdialog.h"

#include "core/composer/delimitedfilereader.h"

#include <QFileDialog>

namespace ica::ui {

SheetImportFlow::SheetImportFlow(QWidget *parent, ClientGetter client, ProjectGetter project)
    : QObject(parent)
    , m_parent(parent)
    , m_client(std::move(client))
    , m_project(std::move(project)) {}

SheetImportDialog *SheetImportFlow::dialog() const {
    return m_dialog;
}

void SheetImportFlow::chooseFile() {
    auto *dialog = new QFileDialog(m_parent, tr("Import changes from a sheet"), QString(),
                                   tr("Sheets (*.csv *.tsv *.txt);;All files (*)"));
    dialog->setObjectName(QStringLiteral("sheetFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, &SheetImportFlow::importFile);
    dialog->open();
}

void SheetImportFlow::importFile(const QString &path) {
    DelimitedFileReader::readFileAsync(path, this, [this, path](const DelimitedTable &table) {
        if (!table.ok()) {
            Q_EMIT failed(table.error);
            return;
        }
        if (table.rows.isEmpty()) {
            Q_EMIT failed(tr("%1 is empty.").arg(path));
            return;
        }
        if (m_dialog)
            m_dialog->close();
        const QString projectId = m_project();
        auto *dialog = new SheetImportDialog(table, path, m_client(), projectId, m_parent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        m_dialog = dialog;
        connect(dialog, &QDialog::accepted, this, [this, dialog, projectId]() {
            if (dialog->isReady())
                Q_EMIT groupsAccepted(projectId, dialog->plan().groups);
        });
        dialog->open();
        Q_EMIT dialogOpened();
    });
}

} // namespace ica::ui
