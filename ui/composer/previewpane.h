#pragma once

#include "core/composer/submitplan.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace ica::ui {

/// What Submit would send: the counts (batches, groups, IDs, tag changes) and the
/// exact JSON body of each create call, pretty-printed, read-only and copyable.
/// With several batches a combo box picks which body is shown. The text is built
/// only while the pane is visible, and each group shows its first ShownIdsPerGroup
/// IDs and a line "… 99,950 more data IDs" (SubmitPlan::previewJson()): a plan of
/// 100,000 IDs must not be turned into megabytes of text at every keystroke. "Show
/// full JSON" shows the whole body until the plan changes; Copy JSON always copies
/// the whole body.
/// Children: "previewCounts", "previewBatchCombo", "previewText", "showFullJsonButton",
/// "copyJsonButton".
class PreviewPane final : public QWidget {
    Q_OBJECT
public:
    /// Data IDs shown per group until "Show full JSON" is pressed.
    static constexpr qsizetype ShownIdsPerGroup = 100;

    explicit PreviewPane(QWidget *parent = nullptr);

    void setPlan(const SubmitPlan &plan);
    [[nodiscard]] const SubmitPlan &plan() const { return m_plan; }
    /// The body shown (index into plan().requests).
    [[nodiscard]] int shownBatch() const;
    void showBatch(int index);
    /// The text shown (rendered now if it was stale).
    [[nodiscard]] QString text();
    /// Shows the whole body of the batch shown, until the plan or batch changes.
    void showFullJson();
    /// True while the text shown is cut (some IDs are not in it).
    [[nodiscard]] bool isTruncated() const { return m_hiddenIds > 0; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void render();

    SubmitPlan m_plan;
    QLabel *m_counts;
    QComboBox *m_batch;
    QPlainTextEdit *m_text;
    QPushButton *m_full;
    QPushButton *m_copy;
    bool m_stale = true;
    bool m_showFull = false;
    qsizetype m_hiddenIds = 0;
};

} // namespace ica::ui
