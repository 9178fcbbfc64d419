#include "ui/browser/selectionbar.h"

#include "core/browser/databrowsermodel.h"
#include "core/browser/datalister.h"
#include "core/browser/matchcollector.h"
#include "ui/browser/databrowserview.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace ica::ui {

SelectionBar::SelectionBar(DataBrowserView *view, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
    , m_position(new QLabel(this))
    , m_selection(new QLabel(this))
    , m_selectAll(new QToolButton(this))
    , m_cancel(new QToolButton(this))
    , m_tag(new QPushButton(this)) {
    m_position->setObjectName(QStringLiteral("positionLabel"));
    m_selection->setObjectName(QStringLiteral("selectionLabel"));
    m_selectAll->setObjectName(QStringLiteral("selectAllMatchingButton"));
    m_selectAll->setText(tr("Select all matching"));
    m_selectAll->setToolTip(tr("Select every item in this folder that matches the filter, also "
                               "those not loaded yet (at most %L1)")
                                .arg(MatchCollector::DefaultLimit));
    m_cancel->setObjectName(QStringLiteral("cancelSelectButton"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop collecting the matching items"));
    m_cancel->hide();
    m_tag->setObjectName(QStringLiteral("tagSelectedButton"));
    m_tag->setText(tr("&Tag selected…"));
    m_tag->setToolTip(tr("Change the tags of the selected items in a new batch"));

    connect(m_selectAll, &QToolButton::clicked, this, &SelectionBar::selectAllMatching);
    connect(m_cancel, &QToolButton::clicked, this, [this]() {
        if (m_collector)
            m_collector->cancel();
    });
    connect(m_tag, &QPushButton::clicked, this, &SelectionBar::tagRequested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_position);
    layout->addStretch();
    layout->addWidget(m_selection);
    layout->addWidget(m_selectAll);
    layout->addWidget(m_cancel);
    layout->addWidget(m_tag);
    updateLabels();
}

SelectionBar::~SelectionBar() {
    // Its finished() must not reach a half-destroyed bar.
    if (m_collector)
        m_collector->disconnect(this);
}

void SelectionBar::setClient(ApiClient *client) {
    if (m_collector) {
        m_collector->disconnect(this);
        delete m_collector; // cancels a collection in progress
        m_collector = nullptr;
    }
    dropAllMatching();
    if (client) {
        m_collector = new MatchCollector(client, this);
        m_collector->setObjectName(QStringLiteral("matchCollector"));
        connect(m_collector, &MatchCollector::progress, this, [this](qint64 fetched, qint64 total) {
            m_progressFetched = fetched;
            m_progressTotal = total;
            updateLabels();
        });
        connect(m_collector, &MatchCollector::finished, this, &SelectionBar::onCollectorFinished);
    }
    updateLabels();
    Q_EMIT selectionChanged();
}

void SelectionBar::setLister(DataLister *lister) {
    for (const QMetaObject::Connection &connection : std::as_const(m_modelConnections))
        disconnect(connection);
    m_modelConnections.clear();
    m_lister = lister;
    m_model = lister ? lister->model() : nullptr;
    dropAllMatching();
    if (DataBrowserModel *model = m_model) {
        m_modelConnections = {
            connect(lister, &DataLister::questionChanged, this, &SelectionBar::onQuestionChanged),
            connect(lister, &DataLister::pageApplied, this, &SelectionBar::updateLabels),
            connect(lister, &DataLister::loadingChanged, this, &SelectionBar::updateLabels),
            connect(
                model, &DataBrowserModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); }),
        };
    }
    if (QItemSelectionModel *selection = m_view->selectionModel())
        m_modelConnections.append(connect(selection, &QItemSelectionModel::selectionChanged, this,
                                          &SelectionBar::onViewSelectionChanged));
    updateLabels();
    Q_EMIT selectionChanged();
}

QList<ProjectData> SelectionBar::selectedItems() const {
    if (m_allMatching)
        return m_matches;
    QList<ProjectData> items;
    if (!m_model)
        return items;
    const QList<int> rows = m_view->selectedRowNumbers();
    items.reserve(rows.size());
    for (const int row : rows) {
        if (row < m_model->rowCount())
            items.append(m_model->itemAt(row));
    }
    return items;
}

qint64 SelectionBar::selectedCount() const {
    if (m_allMatching)
        return m_matches.size();
    return m_model ? m_view->selectedRowNumbers().size() : 0;
}

void SelectionBar::selectAllMatching() {
    if (!m_collector || !m_lister || m_lister->projectId().isEmpty()) {
        Q_EMIT problem(tr("Choose a project first: there is nothing to select."));
        return;
    }
    m_progressFetched = 0;
    m_progressTotal = -1;
    m_collector->start(m_lister->projectId(), m_lister->folderPath(), m_lister->filter());
    updateLabels();
}

void SelectionBar::onCollectorFinished() {
    switch (m_collector->outcome()) {
    case MatchCollector::Outcome::Done: {
        m_matches = m_collector->matches();
        m_allMatching = true;
        m_selecting = true;
        m_view->selectAll();
        m_selecting = false;
        QStringList ids;
        ids.reserve(m_matches.size());
        for (const ProjectData &item : std::as_const(m_matches))
            ids.append(item.id);
        m_view->setDragOverride(ids);
        break;
    }
    case MatchCollector::Outcome::LimitExceeded:
    case MatchCollector::Outcome::Failed:
        Q_EMIT problem(m_collector->message());
        break;
    default:
        break;
    }
    updateLabels();
    Q_EMIT selectionChanged();
}

void SelectionBar::onViewSelectionChanged() {
    if (m_selecting)
        return;
    // The matches stay the selection while every loaded row is selected: rows removed
    // by a refresh leave it intact, a click or Ctrl+click by the user does not.
    if (m_allMatching && m_model &&
        m_view->selectedRowNumbers().size() != qsizetype(m_model->rowCount()))
        dropAllMatching();
    updateLabels();
    Q_EMIT selectionChanged();
}

void SelectionBar::onQuestionChanged() {
    // The rows (and with them the selection) are gone; a collection for the old
    // question would select the wrong items.
    if (m_collector && m_collector->isRunning())
        m_collector->cancel();
    dropAllMatching();
    updateLabels();
    Q_EMIT selectionChanged();
}

void SelectionBar::onRowsInserted(int first, int last) {
    if (!m_allMatching || !m_model || !m_view->selectionModel())
        return;
    // Rows loaded after "Select all matching" belong to the selection too.
    m_selecting = true;
    m_view->selectionModel()->select(
        QItemSelection(m_model->index(first, 0), m_model->index(last, m_model->columnCount() - 1)),
        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    m_selecting = false;
}

void SelectionBar::dropAllMatching() {
    m_allMatching = false;
    m_matches.clear();
    m_view->setDragOverride({});
}

void SelectionBar::updateLabels() {
    m_position->setText(m_lister ? m_lister->positionText()
                                 : tr("Sign in to a profile to browse its data."));
    const bool running = m_collector && m_collector->isRunning();
    const qint64 count = selectedCount();
    QString text;
    if (running && m_progressTotal >= 0)
        text = tr("Selecting matching items… %L1 of about %L2")
                   .arg(m_progressFetched)
                   .arg(m_progressTotal);
    else if (running)
        text = tr("Selecting matching items… %L1 read").arg(m_progressFetched);
    else if (m_allMatching)
        text = count == 1 ? tr("The 1 matching item is selected")
                          : tr("All %L1 matching items selected").arg(count);
    else
        text = count == 0 ? tr("Nothing selected") : tr("%L1 selected").arg(count);
    m_selection->setText(text);
    m_selectAll->setEnabled(m_collector && m_lister && !m_lister->projectId().isEmpty() &&
                            !running);
    m_cancel->setVisible(running);
    m_tag->setEnabled(count > 0);
}

} // namespace ica::ui
