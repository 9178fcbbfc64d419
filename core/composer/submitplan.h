#pragma once

#include "core/composer/draftdocument.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace ica {

/// The figures the preview and the confirmation show.
struct SubmitCounts {
    qsizetype batches = 0;
    qsizetype groups = 0;      ///< groups of the draft (a split may cut one in parts)
    qsizetype dataIds = 0;     ///< over all groups, repeats counted
    qsizetype tagChanges = 0;  ///< tags to add plus tags to remove, over all groups
    qsizetype dateChanges = 0; ///< dates set plus dates cleared, over all groups

    /// "2 batches, 3 groups, 6,001 data IDs, 4 tag changes, 1 date change".
    [[nodiscard]] QString describe() const;
    friend bool operator==(const SubmitCounts &a, const SubmitCounts &b) {
        return a.batches == b.batches && a.groups == b.groups && a.dataIds == b.dataIds &&
               a.tagChanges == b.tagChanges && a.dateChanges == b.dateChanges;
    }
};

/// What Submit would send for a draft: one create call per request, in order
/// (several when the user accepted a split).
struct SubmitPlan {
    QString projectId;
    QString projectName;
    CreateBatchRequest source;          ///< the draft's groups, unsplit
    QList<CreateBatchRequest> requests; ///< the bodies to send, in order

    static SubmitPlan of(const DraftDocument &draft);
    [[nodiscard]] SubmitCounts counts() const;
    /// The body of one create call as JSON text: compact is byte for byte what
    /// BatchApi::create sends; pretty is the same JSON indented for people.
    [[nodiscard]] static QByteArray bodyJson(const CreateBatchRequest &request, bool pretty = true);
    /// bodyJson() (pretty) with each group's data IDs cut after the first
    /// `idsPerGroup` and a line "… 99,950 more data IDs" in place of the rest: cheap
    /// at any size, for a preview. `hiddenIds` (optional) gets how many were cut.
    [[nodiscard]] static QString previewJson(const CreateBatchRequest &request,
                                             qsizetype idsPerGroup, qsizetype *hiddenIds = nullptr);
};

} // namespace ica
