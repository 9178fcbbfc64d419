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
    /// Before the user has started a draft: `hint` (what to do first) instead of
    /// the issues, which for an untouched draft would only be a wall of errors.
    void showHint(const QString &hint);
    [[nodiscard]] const ValidationReport &report() const { return m_report; }
    /// True while showHint()'s text stands in for the issues.
    [[nodiscard]] bool isShowingHint() const { return m_hint; }
    /// The issue lines as shown, for tests.
    [[nodiscard]] QStringList lines() const;

Q_SIGNALS:
    void fixRequested(ica::IssueFix fix);
    /// The user activated the issue about `field` of `group` (-1: the draft).
    void issueActivated(int group, ica::DraftField field);

private:
    /// The issue list again, with icons for the palette now.
    void fillList();

    ValidationReport m_report;
    bool m_hint = false;
    QLabel *m_headline;
    QListWidget *m_list;
    QPushButton *m_fixDuplicates;
    QPushButton *m_fixTags;
    QPushButton *m_fixSplit;
};

} // namespace ica::ui
