#pragma once

#include "composer/submitplan.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace ica::ui {

/// What Submit would send: the counts (batches, groups, IDs, tag changes) and the
/// exact JSON body of each create call, pretty-printed, read-only and copyable.
/// With several batches a combo box picks which body is shown. The text is built
/// only while the pane is visible, and a body over MaxShownBytes (a draft of tens
/// of thousands of IDs, not split) shows its start only; Copy JSON always copies
/// the whole body.
/// Children: "previewCounts", "previewBatchCombo", "previewText", "copyJsonButton".
class PreviewPane final : public QWidget {
    Q_OBJECT
public:
    /// Bodies larger than this show only their first part.
    static constexpr qsizetype MaxShownBytes = 1024 * 1024;

    explicit PreviewPane(QWidget *parent = nullptr);

    void setPlan(const SubmitPlan &plan);
    [[nodiscard]] const SubmitPlan &plan() const { return m_plan; }
    /// The body shown (index into plan().requests).
    [[nodiscard]] int shownBatch() const;
    void showBatch(int index);
    /// The text shown (rendered now if it was stale).
    [[nodiscard]] QString text();

Q_SIGNALS:
    void statusMessage(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void render();

    SubmitPlan m_plan;
    QLabel *m_counts;
    QComboBox *m_batch;
    QPlainTextEdit *m_text;
    QPushButton *m_copy;
    bool m_stale = true;
};

} // namespace ica::ui
