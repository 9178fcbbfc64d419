#pragma once

#include "core/composer/sheetimport.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QTableView;

namespace ica {
class ApiClient;
class DelimitedPreviewModel;
} // namespace ica

namespace ica::ui {

/// Maps the columns of a sheet (CSV/TSV: one row per data ID or project path, with its
/// changes) to their roles, previewing the first rows, with combo boxes preset from
/// the header names (SheetMapping::guess). Every change of the mapping re-reads the
/// sheet off the GUI thread (and, for a sheet of paths, looks the paths up in the
/// project); the groups with their row counts and the bad rows with their lines show
/// before anything is applied. Accept ("Add to draft") is enabled once the result of
/// the current mapping is shown and has a group; then read plan().
///
/// Children: "sheetPreview", "sheetHeaderCheck", "sheetRole<N>" (QComboBox per
/// SheetMapping::Role, N its number), "sheetSummary", "sheetBadRows", "sheetButtons".
class SheetImportDialog final : public QDialog {
    Q_OBJECT
public:
    /// `client` (not owned, may be null) and `projectId` resolve the paths of a sheet of
    /// paths; without them such a sheet cannot be applied.
    SheetImportDialog(const DelimitedTable &table, const QString &fileName, ApiClient *client,
                      const QString &projectId, QWidget *parent = nullptr);
    ~SheetImportDialog() override;

    [[nodiscard]] SheetMapping mapping() const;
    /// Sets the combo boxes and the header check (a new check follows).
    void setMapping(const SheetMapping &mapping);
    [[nodiscard]] QComboBox *roleCombo(SheetMapping::Role role) const;
    /// The result of the mapping shown (valid when isReady()).
    [[nodiscard]] const SheetPlan &plan() const { return m_plan; }
    /// True when the result shown is that of the current mapping.
    [[nodiscard]] bool isReady() const { return m_ready; }

Q_SIGNALS:
    /// The result of a check is shown (tests follow it).
    void checked();

private:
    void recheck();
    void showResult(const SheetPlan &plan);

    DelimitedTable m_table;
    QString m_fileName;
    QPointer<ApiClient> m_client;
    QString m_projectId;
    DelimitedPreviewModel *m_model;
    QTableView *m_preview;
    QCheckBox *m_header;
    QList<QComboBox *> m_roles;
    QLabel *m_summary;
    QListWidget *m_badRows;
    QDialogButtonBox *m_buttons;
    QObject *m_run = nullptr; ///< owns the callbacks of the check in flight
    SheetPlan m_plan;
    bool m_ready = false;
};

} // namespace ica::ui
