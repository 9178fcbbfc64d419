#include "previewpane.h"

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
    , m_copy(new QPushButton(tr("&Copy JSON"), this)) {
    m_counts->setObjectName(QStringLiteral("previewCounts"));
    m_counts->setWordWrap(true);
    m_batch->setObjectName(QStringLiteral("previewBatchCombo"));
    m_batch->setToolTip(tr("Which create call's body to show"));
    m_text->setObjectName(QStringLiteral("previewText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setToolTip(tr("The exact JSON body sent to POST …/dataUpdateBatch"));
    m_copy->setObjectName(QStringLiteral("copyJsonButton"));
    m_copy->setToolTip(tr("Copy the JSON body shown to the clipboard"));

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_batch, 1);
    bottom->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_counts);
    layout->addWidget(m_text, 1);
    layout->addLayout(bottom);

    connect(m_batch, &QComboBox::currentIndexChanged, this, [this]() {
        m_stale = true;
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
        Q_EMIT statusMessage(tr("The JSON body was copied to the clipboard."));
    });
    setPlan(SubmitPlan());
}

void PreviewPane::setPlan(const SubmitPlan &plan) {
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

void PreviewPane::render() {
    m_stale = false;
    const int index = m_batch->currentIndex();
    if (index < 0 || index >= m_plan.requests.size()) {
        m_text->clear();
        return;
    }
    const QByteArray body = SubmitPlan::bodyJson(m_plan.requests.at(index));
    if (body.size() <= MaxShownBytes) {
        m_text->setPlainText(QString::fromUtf8(body));
        return;
    }
    // Laying out megabytes of text on every change would freeze the window: show
    // the start, exactly, and say what is left out.
    const qsizetype cut = body.lastIndexOf('\n', MaxShownBytes);
    const qsizetype hiddenLines = body.count('\n') - body.left(cut).count('\n');
    m_text->setPlainText(
        QString::fromUtf8(body.left(cut)) + QLatin1Char('\n') +
        tr("… %1 more lines not shown (the body is %2 MB). Copy JSON copies all of it; "
           "splitting the draft previews batches of at most 5,000 IDs.")
            .arg(hiddenLines)
            .arg(double(body.size()) / (1024 * 1024), 0, 'f', 1));
}

} // namespace ica::ui
