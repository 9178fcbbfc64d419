#pragma once

#include "core/domain/projectdata.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QToolButton;

namespace ica {
class ApiClient;
class DataBrowserModel;
class DataLister;
class MatchCollector;
} // namespace ica

namespace ica::ui {

class DataBrowserView;

/// The data browser's bottom row and what it says about the selection: where the
/// listing is ("1,000 of about 3,500 loaded"), how much is selected, "Select all
/// matching" (every item the folder and filter match, also those not loaded yet:
/// a MatchCollector reads them all) with its progress and cancel, and "Tag
/// selected…".
///
/// After "Select all matching" finished, every loaded row is selected (rows loaded
/// later too) and selectedItems() is every match, until the user changes the
/// selection or the question (folder, filter, sort) changes.
///
/// Children: positionLabel, selectionLabel, selectAllMatchingButton,
/// cancelSelectButton, tagSelectedButton.
class SelectionBar final : public QWidget {
    Q_OBJECT
public:
    /// `view` is the table whose selection this bar describes (not owned).
    explicit SelectionBar(DataBrowserView *view, QWidget *parent = nullptr);
    ~SelectionBar() override;

    /// Rebuilds the collector for `client` (not owned); null: no collector.
    void setClient(ica::ApiClient *client);
    /// The lister of the model the view shows; call after the view's setModel().
    /// Null: none.
    void setLister(ica::DataLister *lister);
    /// Null without a client.
    [[nodiscard]] MatchCollector *collector() const { return m_collector; }

    /// The selected rows' data in row order, or every match after "Select all matching".
    [[nodiscard]] QList<ProjectData> selectedItems() const;
    [[nodiscard]] qint64 selectedCount() const;
    [[nodiscard]] bool isAllMatchingSelected() const { return m_allMatching; }

public Q_SLOTS:
    /// Starts collecting every item the model's folder and filter match.
    void selectAllMatching();

Q_SIGNALS:
    /// "Tag selected…" was pressed.
    void tagRequested();
    /// What selectedItems() returns changed.
    void selectionChanged();
    /// Something went wrong that the user should see next to the table.
    void problem(const QString &message);

private:
    void onViewSelectionChanged();
    void onQuestionChanged();
    void onRowsInserted(int first, int last);
    void onCollectorFinished();
    void dropAllMatching();
    void updateLabels();

    DataBrowserView *m_view;
    QPointer<DataLister> m_lister;
    QPointer<DataBrowserModel> m_model; ///< m_lister's
    MatchCollector *m_collector = nullptr;
    QList<QMetaObject::Connection> m_modelConnections;
    QList<ProjectData> m_matches;
    bool m_allMatching = false;
    bool m_selecting = false; ///< the bar itself changes the view's selection
    qint64 m_progressFetched = 0;
    qint64 m_progressTotal = -1;

    QLabel *m_position;
    QLabel *m_selection;
    QToolButton *m_selectAll;
    QToolButton *m_cancel;
    QPushButton *m_tag;
};

} // namespace ica::ui
