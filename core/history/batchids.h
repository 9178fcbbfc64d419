#pragma once

#include <QString>

namespace ica {

/// An ID a user typed or pasted, checked before anything is sent: the ID in the
/// form ICA uses, or a sentence saying what is wrong and what to do.
struct CheckedId {
    QString id;    ///< trimmed, lower-case, without braces; empty when not ok
    QString error; ///< empty when ok

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

/// Checks that `text` is a UUID, as ICA's project, batch, item and job IDs are.
/// Surrounding spaces and braces are forgiven; `what` names the field in the
/// message ("batch ID").
[[nodiscard]] CheckedId checkUuid(const QString &text, const QString &what);

} // namespace ica
