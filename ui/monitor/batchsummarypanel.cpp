#include "ui/monitor/batchsummarypanel.h"

#include "core/diagnostics/statusnotices.h"
#include "core/history/batchhistorymodel.h"
#include "core/monitor/batchitemsmodel.h"
#include "ui/style/palettefollower.h"
#include "ui/style/statusstyle.h"

#include <QApplication>
#include <QClipboard>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSignalBlocker>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <limits>

namespace ica::ui {

namespace {

QLabel *valueLabel(const QString &objectName, QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

BatchSummaryPanel::BatchSummaryPanel(QWidget *parent)
    : QWidget(parent)
    , m_batchId(new QLineEdit(this))
    , m_copy(new QToolButton(this))
    , m_statusDot(new QLabel(this))
    , m_status(new QLabel(this))
    , m_created(valueLabel(QStringLiteral("createdLabel"), this))
    , m_started(valueLabel(QStringLiteral("startedLabel"), this))
    , m_finished(valueLabel(QStringLiteral("finishedLabel"), this))
    , m_owner(valueLabel(QStringLiteral("ownerLabel"), this))
    , m_info(valueLabel(QStringLiteral("statusInfoLabel"), this))
    , m_progress(new QProgressBar(this)) {
    m_batchId->setObjectName(QStringLiteral("batchIdField"));
    m_batchId->setReadOnly(true);
    m_batchId->setToolTip(tr("The batch ID: select it, or copy it with the button beside it"));
    m_batchId->setMinimumWidth(m_batchId->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 38);
    m_copy->setObjectName(QStringLiteral("copyBatchIdButton"));
    m_copy->setText(tr("Copy"));

    setActionIcon(m_copy, ActionIcon::Copy);
    m_copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copy->setToolTip(tr("Copy the batch ID to the clipboard"));
    connect(m_copy, &QToolButton::clicked, this, &BatchSummaryPanel::copyBatchId);

    m_statusDot->setObjectName(QStringLiteral("jobStatusDot"));
    m_status->setObjectName(QStringLiteral("jobStatusLabel"));
    m_status->setToolTip(tr("Status of the batch's job"));
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_info->setWordWrap(true);
    m_progress->setObjectName(QStringLiteral("progressBar"));
    m_progress->setToolTip(tr("Items that reached a final status (updated, partially updated "
                              "or failed)"));

    auto *idRow = new QHBoxLayout;
    auto *idLabel = new QLabel(tr("&Batch ID:"), this);
    idLabel->setBuddy(m_batchId);
    idRow->addWidget(idLabel);
    idRow->addWidget(m_batchId, 1);
    idRow->addWidget(m_copy);
    idRow->addSpacing(12);
    idRow->addWidget(m_statusDot);
    idRow->addWidget(m_status);
    idRow->addStretch();

    auto *form = new QFormLayout;
    form->addRow(tr("Created:"), m_created);
    form->addRow(tr("Started:"), m_started);
    form->addRow(tr("Finished:"), m_finished);
    form->addRow(tr("Owner:"), m_owner);
    form->addRow(tr("Information:"), m_info);

    auto *chips = new QHBoxLayout;
    for (int i = 0; i < ItemStatus::KnownCount; ++i) {
        const ItemStatus::Value status = ItemStatus::knownValues()[i];
        auto *chip = new QToolButton(this);
        chip->setObjectName(QStringLiteral("countChip_") + ItemStatus(status).toString());
        chip->setCheckable(true);
        chip->setAutoRaise(true);
        chip->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        chip->setToolTip(tr("Items %1: click to show only these (again to show all)")
                             .arg(BatchItemsModel::statusLabel(status).toLower()));
        connect(chip, &QToolButton::toggled, this,
                [this, status](bool on) { Q_EMIT statusFilterToggled(status, on); });
        chips->addWidget(chip);
        m_chips.insert(status, chip);
    }
    chips->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(idRow);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addLayout(chips);
    clear();
    PaletteFollower::follow(this, [this]() { applyStatusStyle(); });
}

void BatchSummaryPanel::applyStatusStyle() {
    const QPalette &current = palette();
    for (auto it = m_chips.cbegin(); it != m_chips.cend(); ++it)
        it.value()->setIcon(itemStatusIcon(it.key(), current));
    const QColor color = jobStatusColor(m_jobStatus, current);
    m_statusDot->setPixmap(jobStatusIcon(m_jobStatus, current).pixmap(16, 16));
    QPalette labelPalette = m_status->palette();
    if (m_hasStatus)
        labelPalette.setColor(QPalette::WindowText, color);
    else
        labelPalette.setColor(QPalette::WindowText, current.color(QPalette::WindowText));
    m_status->setPalette(labelPalette);
    m_status->setProperty("statusColor", color.name());
}

void BatchSummaryPanel::setBatchId(const QString &batchId) {
    clear();
    m_batchId->setText(batchId);
    m_copy->setEnabled(!batchId.isEmpty());
}

void BatchSummaryPanel::setBatch(const Batch &batch) {
    m_batchId->setText(batch.id);
    m_copy->setEnabled(!batch.id.isEmpty());
    const JobStatus status = batch.job.status;
    m_jobStatus = status;
    m_hasStatus = true;
    m_status->setText(BatchHistoryModel::jobStatusLabel(status));
    applyStatusStyle();
    m_status->setToolTip(tr("Job status: %1").arg(status.toString()));
    setTime(m_created, batch.job.timeCreated);
    setTime(m_started, batch.job.timeStarted);
    setTime(m_finished, batch.job.timeFinished);
    const QString owner = batch.job.owner.displayName();
    m_owner->setText(owner.isEmpty() ? tr("—") : owner);
    m_owner->setToolTip(batch.job.owner.email);
    m_info->setText(batch.job.additionalStatusInformation.isEmpty()
                        ? tr("—")
                        : batch.job.additionalStatusInformation);
}

void BatchSummaryPanel::setCounts(const ItemStatusCounts &counts, double progress) {
    const qint64 total = counts.total();
    if (total > 0 && total <= std::numeric_limits<int>::max()) {
        m_progress->setRange(0, int(total));
        m_progress->setValue(int(counts.terminal()));
        m_progress->setFormat(tr("%v of %m items done (%p%)"));
    } else {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(progress * 1000));
        m_progress->setFormat(total > 0 ? tr("%p% done") : tr("No items counted yet"));
    }
    for (auto it = m_chips.cbegin(); it != m_chips.cend(); ++it)
        it.value()->setText(
            tr("%1: %2").arg(BatchItemsModel::statusLabel(it.key())).arg(counts.count(it.key())));
}

void BatchSummaryPanel::setStatusFilter(const QSet<ItemStatus::Value> &statuses) {
    for (auto it = m_chips.cbegin(); it != m_chips.cend(); ++it) {
        const QSignalBlocker blocker(it.value());
        it.value()->setChecked(statuses.contains(it.key()));
    }
}

void BatchSummaryPanel::clear() {
    m_batchId->clear();
    m_copy->setEnabled(false);
    m_jobStatus = JobStatus();
    m_hasStatus = false;
    m_status->setText(tr("Not checked yet"));
    applyStatusStyle();
    for (QLabel *label : {m_created, m_started, m_finished, m_owner, m_info}) {
        label->setText(tr("—"));
        label->setToolTip(QString());
    }
    setCounts(ItemStatusCounts(), 0.0);
}

void BatchSummaryPanel::copyBatchId() {
    if (m_batchId->text().isEmpty())
        return;
    QApplication::clipboard()->setText(m_batchId->text());
    StatusNotices::post(tr("Batch ID copied to the clipboard."));
}

void BatchSummaryPanel::setTime(QLabel *label, const QDateTime &when) {
    label->setText(when.isValid() ? localTimeText(when) : tr("—"));
    label->setToolTip(utcTimeText(when));
}

} // namespace ica::ui
