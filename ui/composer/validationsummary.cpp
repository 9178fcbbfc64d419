#include "ui/composer/validationsummary.h"

#include "ui/style/icons.h"
#include "ui/style/palettefollower.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace ica::ui {

namespace {

constexpr int GroupRole = Qt::UserRole + 1;
constexpr int FieldRole = Qt::UserRole + 2;

} // namespace

ValidationSummary::ValidationSummary(QWidget *parent)
    : QWidget(parent)
    , m_headline(new QLabel(this))
    , m_list(new QListWidget(this))
    , m_fixDuplicates(new QPushButton(tr("Dr&op duplicate IDs"), this))
    , m_fixTags(new QPushButton(tr("Tri&m tags"), this))
    , m_fixSplit(new QPushButton(this)) {
    m_headline->setObjectName(QStringLiteral("validationHeadline"));
    m_headline->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("validationList"));
    m_list->setWordWrap(true);
    m_list->setMaximumHeight(120);
    m_list->setToolTip(tr("Everything to check before submitting; press Enter on a line to go to "
                          "its field."));
    m_fixDuplicates->setObjectName(QStringLiteral("fixDuplicatesButton"));
    m_fixDuplicates->setToolTip(tr("Keep the first of each repeated ID in every group"));
    m_fixTags->setObjectName(QStringLiteral("fixTagsButton"));
    m_fixTags->setToolTip(tr("Trim spaces around tags and drop blank and repeated tags"));
    m_fixSplit->setObjectName(QStringLiteral("fixSplitButton"));
    m_fixSplit->setToolTip(tr("Send the draft as several batches of at most 5,000 data IDs each"));

    auto *fixes = new QHBoxLayout;
    fixes->setContentsMargins(0, 0, 0, 0);
    fixes->addWidget(m_fixDuplicates);
    fixes->addWidget(m_fixTags);
    fixes->addWidget(m_fixSplit);
    fixes->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_headline);
    layout->addWidget(m_list);
    layout->addLayout(fixes);

    connect(m_fixDuplicates, &QPushButton::clicked, this,
            [this]() { Q_EMIT fixRequested(IssueFix::DropDuplicates); });
    connect(m_fixTags, &QPushButton::clicked, this,
            [this]() { Q_EMIT fixRequested(IssueFix::TrimTags); });
    connect(m_fixSplit, &QPushButton::clicked, this,
            [this]() { Q_EMIT fixRequested(IssueFix::SplitBatches); });
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT issueActivated(item->data(GroupRole).toInt(),
                              DraftField(item->data(FieldRole).toInt()));
    });
    setReport(ValidationReport(), 0);
    new PaletteFollower(this, [this]() { fillList(); });
}

void ValidationSummary::setReport(const ValidationReport &report, qsizetype batchesIfSplit) {
    m_report = report;
    m_hint = false;
    m_headline->setText(report.headline());
    fillList();
    m_list->setVisible(!report.issues.isEmpty());
    m_fixDuplicates->setVisible(report.offersFix(IssueFix::DropDuplicates));
    m_fixTags->setVisible(report.offersFix(IssueFix::TrimTags));
    m_fixSplit->setVisible(report.offersFix(IssueFix::SplitBatches));
    m_fixSplit->setText(tr("Sp&lit into %1 batches").arg(batchesIfSplit));
}

void ValidationSummary::showHint(const QString &hint) {
    setReport(ValidationReport(), 0);
    m_hint = true;
    m_headline->setText(hint);
}

void ValidationSummary::fillList() {
    const QPalette &current = palette();
    const QIcon error = severityIcon(Tone::Error, current);
    const QIcon warning = severityIcon(Tone::Warning, current);
    // The same items again (a palette change): keep the current line.
    const int row = m_list->currentRow();
    m_list->clear();
    for (const ValidationIssue &issue : std::as_const(m_report.issues)) {
        auto *item =
            new QListWidgetItem(issue.isError() ? error : warning,
                                issue.location() + QStringLiteral(": ") + issue.message, m_list);
        item->setData(GroupRole, issue.group);
        item->setData(FieldRole, int(issue.field));
        item->setToolTip(issue.isError() ? tr("Error: blocks Submit") : tr("Warning"));
    }
    if (row >= 0 && row < m_list->count())
        m_list->setCurrentRow(row);
}

QStringList ValidationSummary::lines() const {
    QStringList lines;
    for (int i = 0; i < m_list->count(); ++i)
        lines.append(m_list->item(i)->text());
    return lines;
}

} // namespace ica::ui
