#pragma once

#include "core/data/datanames.h"
#include "core/monitor/compactitem.h"

#include <QSet>
#include <QString>

namespace ica {

/// The data IDs whose name or path contains a text (case-insensitive), for the name
/// filter: computed once per text on a worker from a snapshot of the names known,
/// then asked once per row on the GUI thread with no text built (the row's packed ID
/// looked up in a set). IDs that pack (UUIDs, "fil."-style hex IDs) are kept packed;
/// any other ID as its text, so the answer does not depend on a model's pool.
struct NameMatches {
    QSet<PackedText> packed;
    QSet<QString> texts;

    /// The IDs among `names` that are Found and whose name or path contains `text`.
    [[nodiscard]] static NameMatches of(const QString &text, const DataNames &names);
    /// The row whose data ID is `id` (packed with `pool`) matches.
    [[nodiscard]] bool contains(const PackedText &id, const ItemValuePool &pool) const {
        if (id.kind() == PackedText::Pooled)
            return !texts.isEmpty() && texts.contains(id.text(pool));
        return packed.contains(id);
    }
    [[nodiscard]] qsizetype size() const { return packed.size() + texts.size(); }
};

} // namespace ica
