#pragma once

#include "core/composer/draftvalidator.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace ica::ui {

/// The validator's findings summed up above Submit: a headline ("2 errors,
/// 1 warning: fix the errors to submit."), one line per issue (activate one to go
/// to its field) and the one-click fixes the issues offer.
/// Children: "validationHeadline", "validationList", "fixDuplicatesButton",
/// "fixTagsButton", "fixSplitButton".
class ValidationSummary final : public QWidget {
    Q_OBJECT
public:
    explicit ValidationSummary(QWidget *parent = nullptr);

    /// Shows `report`; `batchesIfSplit` labels the split fix ("Split into 3 batches").
    void setReport(const ValidationReport &report, qsizetype batchesIfSplit);
    [[nodiscard]] const ValidationReport &report() const { return m_report; }
    /// The issue lines as shown, for tests.
    [[nodiscard]] QStringList lines() const;

Q_SIGNALS:
    void fixRequested(ica::IssueFix fix);
    /// The user activated the issue about `field` of `group` (-1: the draft).
    void issueActivated(int group, ica::DraftField field);

private:
    ValidationReport m_report;
    QLabel *m_headline;
    QListWidget *m_list;
    QPushButton *m_fixDuplicates;
    QPushButton *m_fixTags;
    QPushButton *m_fixSplit;
};

} // namespace ica::ui
