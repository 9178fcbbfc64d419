#pragma once

#include "core/composer/delimitedfilereader.h"

#include <QDialog>

#include <memory>

namespace ica {
class DelimitedPreviewModel;
}

namespace ica::ui {

namespace Ui {
class ImportColumnDialog;
}

/// Chooses which column of an imported .csv/.tsv/.txt file holds the data IDs,
/// previewing its first rows, with the guessed header row and ID column preset.
/// Open it with open() (not exec()); read values() when it is accepted.
/// The form is importcolumndialog.ui. Children: "idColumnCombo", "headerCheck", "previewTable",
/// "importSummary", "importButtons".
class ImportColumnDialog final : public QDialog {
    Q_OBJECT
public:
    ImportColumnDialog(const DelimitedTable &table, const QString &fileName,
                       QWidget *parent = nullptr);
    ~ImportColumnDialog() override;

    [[nodiscard]] int idColumn() const;
    void setIdColumn(int column);
    [[nodiscard]] bool hasHeader() const;
    void setHasHeader(bool hasHeader);
    /// The chosen column's non-empty cells below the header.
    [[nodiscard]] QStringList values() const;
    /// The file line of each of values().
    [[nodiscard]] QList<int> lines() const;
    [[nodiscard]] QString fileName() const { return m_fileName; }

private:
    void refresh();

    DelimitedTable m_table;
    QString m_fileName;
    DelimitedPreviewModel *m_model;
    std::unique_ptr<Ui::ImportColumnDialog> m_ui;
};

} // namespace ica::ui
