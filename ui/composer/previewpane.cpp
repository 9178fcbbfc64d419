#include "ui/composer/previewpane.h"
#include "core/diagnostics/statusnotices.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ica::ui {

PreviewPane::PreviewPane(QWidget *parent)
    : QWidget(parent)
    , m_counts(new QLabel(this))
    , m_batch(new QComboBox(this))
    , m_text(new QPlainTextEdit(this))
    , m_full(new QPushButton(tr("Show &full JSON"), this))
    , m_copy(new QPushButton(tr("&Copy JSON"), this)) {
    m_counts->setObjectName(QStringLiteral("previewCounts"));
    m_counts->setWordWrap(true);
    m_batch->setObjectName(QStringLiteral("previewBatchCombo"));
    m_batch->setToolTip(tr("Which create call's body to show"));
    // Its width must not follow its items: shown when a draft is split, it would
    // widen the pane, and the splitter would narrow the ID lists beside it, which
    // makes QPlainTextEdit lay out every line again (over 10 ms at 100,000 lines).
    m_batch->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_batch->setMinimumContentsLength(12);
    m_text->setObjectName(QStringLiteral("previewText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setToolTip(tr("The exact JSON body sent to POST …/dataUpdateBatch"));
    m_full->setObjectName(QStringLiteral("showFullJsonButton"));
    m_full->setToolTip(tr("Show every data ID of the body (large lists take a moment)"));
    m_full->hide();
    m_copy->setObjectName(QStringLiteral("copyJsonButton"));
    m_copy->setToolTip(tr("Copy the JSON body shown to the clipboard"));

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_batch, 1);
    bottom->addWidget(m_full);
    bottom->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_counts);
    layout->addWidget(m_text, 1);
    layout->addLayout(bottom);

    connect(m_full, &QPushButton::clicked, this, &PreviewPane::showFullJson);
    connect(m_batch, &QComboBox::currentIndexChanged, this, [this]() {
        m_stale = true;
        m_showFull = false;
        if (isVisible())
            render();
    });
    connect(m_copy, &QPushButton::clicked, this, [this]() {
        const int index = m_batch->currentIndex();
        if (index < 0 || index >= m_plan.requests.size())
            return;
        // The whole body, even when the view shows only its start.
        QApplication::clipboard()->setText(
            QString::fromUtf8(SubmitPlan::bodyJson(m_plan.requests.at(index))));
        StatusNotices::post(tr("The JSON body was copied to the clipboard."));
    });
    setPlan(SubmitPlan());
}

void PreviewPane::setPlan(const SubmitPlan &plan) {
    // The same bodies again (a re-check that found nothing new): keep the full body
    // shown. Only then are they compared: that compares every ID (milliseconds at
    // 100,000), while the cut preview is cheap to render again.
    if (!m_stale && m_showFull && plan.projectId == m_plan.projectId &&
        plan.requests == m_plan.requests) {
        m_plan = plan;
        return;
    }
    m_plan = plan;
    const int batches = int(plan.requests.size());
    m_counts->setText(batches == 0 ? tr("Nothing to send yet.") : plan.counts().describe());
    const int keep = m_batch->currentIndex();
    {
        const QSignalBlocker blocker(m_batch);
        m_batch->clear();
        for (int i = 0; i < batches; ++i)
            m_batch->addItem(tr("Batch %1 of %2 (%3 data IDs)")
                                 .arg(i + 1)
                                 .arg(batches)
                                 .arg(plan.requests.at(i).dataIdCount()));
        m_batch->setCurrentIndex(batches == 0 ? -1 : qBound(0, keep, batches - 1));
    }
    m_batch->setVisible(batches > 1);
    m_copy->setEnabled(batches > 0);
    m_stale = true;
    m_showFull = false;
    if (isVisible())
        render();
}

int PreviewPane::shownBatch() const {
    return m_batch->currentIndex();
}

void PreviewPane::showBatch(int index) {
    m_batch->setCurrentIndex(index);
}

QString PreviewPane::text() {
    if (m_stale)
        render();
    return m_text->toPlainText();
}

void PreviewPane::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (m_stale)
        render();
}

void PreviewPane::showFullJson() {
    m_showFull = true;
    render();
}

void PreviewPane::render() {
    m_stale = false;
    const int index = m_batch->currentIndex();
    m_hiddenIds = 0;
    if (index < 0 || index >= m_plan.requests.size()) {
        m_text->clear();
        m_full->hide();
        return;
    }
    const CreateBatchRequest &request = m_plan.requests.at(index);
    if (m_showFull) {
        m_text->setPlainText(QString::fromUtf8(SubmitPlan::bodyJson(request)));
    } else {
        m_text->setPlainText(SubmitPlan::previewJson(request, ShownIdsPerGroup, &m_hiddenIds));
    }
    m_full->setVisible(m_hiddenIds > 0);
    m_full->setText(m_hiddenIds > 0 ? tr("Show &full JSON (%L1 more IDs)").arg(m_hiddenIds)
                                    : tr("Show &full JSON"));
}

} // namespace ica::ui
