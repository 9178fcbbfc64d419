#include "core/monitor/namematches.h"

namespace ica {

NameMatches NameMatches::of(const QString &text, const DataNames &names) {
    NameMatches matches;
    if (text.isEmpty())
        return matches;
    ItemValuePool scratch; // pack() interns only the IDs that do not pack: not kept
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        const DataName &name = it.value();
        if (name.state != DataName::State::Found ||
            !(name.name.contains(text, Qt::CaseInsensitive) ||
              name.path.contains(text, Qt::CaseInsensitive)))
            continue;
        const PackedText id = PackedText::pack(it.key(), scratch);
        if (id.kind() == PackedText::Pooled)
            matches.texts.insert(it.key());
        else if (id.kind() != PackedText::Empty)
            matches.packed.insert(id);
    }
    return matches;
}

} // namespace ica
