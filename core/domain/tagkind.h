#pragma once

namespace ica {

/// The two kinds of tags a batch can change.
enum class TagKind { User, Technical };

} // namespace ica
