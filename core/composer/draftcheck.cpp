#include "draftcheck.h"

#include "batchsplitter.h"
#include "draftpathresolution.h"

namespace ica {

DraftCheck DraftCheck::run(const DraftDocument &resolved, const QList<ValidationIssue> &pathIssues,
                           quint64 generation, const DraftValidator::Options &options) {
    DraftCheck check;
    check.generation = generation;
    check.report =
        DraftPathResolution::merge(DraftValidator::validate(resolved, options), pathIssues);
    check.plan = SubmitPlan::of(resolved);
    check.dataIds = resolved.dataIdCount();
    check.batchesIfSplit = BatchSplitter::batchCount(resolved.toRequest());
    return check;
}

} // namespace ica
