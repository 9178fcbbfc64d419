#pragma once

#include "core/export/listingexport.h"

#include <QWidget>

#include <functional>

class QLabel;
class QProgressBar;
class QToolButton;

namespace ica::ui {

/// Asks where to save an export: a path, or empty when the user gave up.
/// `suggestedName` is a file name such as "batch-1234.csv".
using SavePathChooser = std::function<QString(QWidget *parent, const QString &suggestedName)>;

/// The export of a listing as a view shows it: asks for the file (through a
/// SavePathChooser, so tests can answer without a dialog), then shows the export's
/// progress inline with a Cancel button while the ListingExport it owns runs, and
/// hides when it ended. The view starts the export (it knows the question) and
/// reports the outcome (finished()) in its own message widget.
///
/// objectNames: exportBar (this), exportLabel, exportProgress, exportCancelButton.
class ExportBar final : public QWidget {
    Q_OBJECT
public:
    explicit ExportBar(QWidget *parent = nullptr);

    /// The default chooser: a save dialog offering CSV and JSON; the extension of
    /// the filter chosen is added when the name has none.
    [[nodiscard]] static QString chooseWithDialog(QWidget *parent, const QString &suggestedName);
    /// Replaces the chooser (tests); an empty one restores the dialog.
    void setPathChooser(SavePathChooser chooser);
    /// Asks the chooser; empty when the user gave up.
    [[nodiscard]] QString choosePath(const QString &suggestedName);

    /// The export this bar shows; start it with startItemsExport() and the like,
    /// then call shown().
    [[nodiscard]] ListingExport *job() const { return m_job; }
    [[nodiscard]] bool isRunning() const { return m_job->isRunning(); }
    /// Rows per page the exports of this bar ask for (1..1000, 1000 by default):
    /// smaller pages mean finer progress and a quicker cancel, more requests.
    void setPageSize(int rows) { m_pageSize = qBound(1, rows, 1000); }
    [[nodiscard]] int pageSize() const { return m_pageSize; }
    /// Shows the bar for the export just started.
    void shown();

Q_SIGNALS:
    /// The export ended (the bar is hidden again).
    void finished(ica::ListingExport::Outcome outcome, const QString &message);

private:
    void onProgress(qint64 rows, qint64 expected);

    ListingExport *m_job;
    SavePathChooser m_chooser;
    int m_pageSize = 1000;
    QLabel *m_label;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
};

} // namespace ica::ui
