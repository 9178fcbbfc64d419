#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace ica::cli {

/// The data IDs read from an ID file, in file order without duplicates.
struct IdList {
    struct Duplicate {
        QString id;
        int line = 0;      ///< where it appeared again (1-based)
        int firstLine = 0; ///< where it appeared first
    };

    QStringList ids;
    QList<Duplicate> duplicates;
    /// IDs that do not look like fil./fol. + 32 hex digits (ICA may still know them).
    QStringList unusual;
};

/// Reads data IDs: one per line, and commas, spaces and tabs separate IDs too;
/// blank lines are skipped; a UTF-8 byte order mark and CR line ends are fine.
class IdsFileReader final {
public:
    /// Reads `path` ("-" reads standard input). False with a message on failure.
    static bool readFile(const QString &path, IdList *out, QString *error);
    /// Parses the text of an ID file.
    [[nodiscard]] static IdList parse(const QByteArray &content);
    /// True for fil./fol. followed by 32 hex digits, the IDs ICA hands out.
    [[nodiscard]] static bool looksLikeDataId(const QString &id);
};

} // namespace ica::cli
