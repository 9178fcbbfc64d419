#pragma once

#include "core/composer/draftdocument.h"

namespace ica {

/// The one-click repairs the composer offers for validation issues (IssueFix).
/// Each changes the document in place and returns how many entries it changed,
/// so the caller can say what it did ("Dropped 3 duplicate IDs").
class DraftFixes final {
public:
    /// Keeps the first of each repeated ID within each group (order kept).
    static qsizetype dropDuplicateIds(DraftDocument &draft);
    /// Trims every tag and drops blank ones and repeats within each list.
    static qsizetype trimTags(DraftDocument &draft);
};

} // namespace ica
