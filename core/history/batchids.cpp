#include "core/history/batchids.h"

#include <QCoreApplication>
#include <QUuid>

namespace ica {

CheckedId checkUuid(const QString &text, const QString &what) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {QString(),
                QCoreApplication::translate("ica::checkUuid", "Enter the %1.").arg(what)};
    // QUuid accepts the 36-character form with or without braces; anything else
    // (a name, a truncated paste) comes back null.
    const QUuid uuid = QUuid::fromString(trimmed);
    if (uuid.isNull())
        return {QString(), QCoreApplication::translate(
                               "ica::checkUuid",
                               "\"%1\" is not a valid %2: it should look like "
                               "0f8fad5b-d9cb-469f-a165-70867728950e (32 hex digits in groups of "
                               "8-4-4-4-12). Check that the whole ID was copied.")
                               .arg(trimmed, what)};
    return {uuid.toString(QUuid::WithoutBraces), QString()};
}

} // namespace ica
