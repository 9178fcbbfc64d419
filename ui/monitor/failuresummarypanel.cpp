#include "ui/monitor/failuresummarypanel.h"

#include "core/monitor/batchitemsmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ica::ui {

namespace {
constexpr int ReasonRole = Qt::UserRole + 1;
} // namespace

FailureSummaryPanel::FailureSummaryPanel(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_table(new QTableWidget(0, ColumnCount, this)) {
    setObjectName(QStringLiteral("failureSummary"));
    m_label->setObjectName(QStringLiteral("failureSummaryLabel"));
    m_label->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("failureSummaryTable"));
    m_table->setHorizontalHeaderLabels({tr("Why items failed"), tr("Items"), tr("Statuses")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(ReasonColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(CountColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(StatusesColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);
    m_table->setToolTip(tr("FAILED and PARTIALLY_UPDATED items by reason (IDs in the reason "
                           "shown as <id>). Click a reason to show its items."));
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int) {
        if (row >= 0 && row < m_table->rowCount())
            Q_EMIT reasonChosen(reasonAt(row));
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_table, 1);
    clear();
}

QString FailureSummaryPanel::reasonAt(int row) const {
    const QTableWidgetItem *item = m_table->item(row, ReasonColumn);
    return item ? item->data(ReasonRole).toString() : QString();
}

void FailureSummaryPanel::setSummary(const FailureSummary &summary) {
    const QList<FailureSummary::Reason> reasons = summary.reasons();
    m_table->setRowCount(int(reasons.size()));
    for (int row = 0; row < reasons.size(); ++row) {
        const FailureSummary::Reason &group = reasons.at(row);
        auto *reason = new QTableWidgetItem(FailureSummary::displayReason(group.reason));
        reason->setData(ReasonRole, group.reason);
        reason->setToolTip(FailureSummary::displayReason(group.reason));
        auto *count = new QTableWidgetItem(QString::number(group.count));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        QStringList statuses;
        for (const ItemStatus &status : group.statuses)
            statuses.append(BatchItemsModel::statusLabel(status));
        m_table->setItem(row, ReasonColumn, reason);
        m_table->setItem(row, CountColumn, count);
        m_table->setItem(row, StatusesColumn,
                         new QTableWidgetItem(statuses.join(QStringLiteral(", "))));
    }
    m_label->setText(summary.isEmpty() ? tr("No item failed.")
                                       : tr("%n item(s) failed or were partially updated:", nullptr,
                                            int(summary.total())));
    setVisible(!summary.isEmpty());
}

void FailureSummaryPanel::setLoading() {
    if (m_table->rowCount() == 0)
        m_label->setText(tr("Reading why items failed…"));
}

void FailureSummaryPanel::setError(const QString &message) {
    m_label->setText(tr("Why items failed could not be read: %1").arg(message));
    setVisible(true);
}

void FailureSummaryPanel::clear() {
    m_table->setRowCount(0);
    m_label->clear();
    setVisible(false);
}

} // namespace ica::ui
