#include "cli/idsfile.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>

namespace ica::cli {

bool IdsFileReader::readFile(const QString &path, IdList *out, QString *error) {
    QFile file;
    bool opened = false;
    if (path == QLatin1String("-"))
        opened = file.open(stdin, QIODevice::ReadOnly);
    else {
        file.setFileName(path);
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened) {
        *error = QStringLiteral("cannot read the ID file %1: %2").arg(path, file.errorString());
        return false;
    }
    const QByteArray content = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        *error = QStringLiteral("cannot read the ID file %1: %2").arg(path, file.errorString());
        return false;
    }
    *out = parse(content);
    return true;
}

IdList IdsFileReader::parse(const QByteArray &content) {
    IdList list;
    QString text = QString::fromUtf8(content);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QHash<QString, int> firstLineOf;
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNumber = int(i + 1);
        for (const QString &id : lines.at(i).split(separators, Qt::SkipEmptyParts)) {
            const auto found = firstLineOf.constFind(id);
            if (found != firstLineOf.constEnd()) {
                list.duplicates.append({id, lineNumber, found.value()});
                continue;
            }
            firstLineOf.insert(id, lineNumber);
            list.ids.append(id);
            if (!looksLikeDataId(id))
                list.unusual.append(id);
        }
    }
    return list;
}

bool IdsFileReader::looksLikeDataId(const QString &id) {
    static const QRegularExpression pattern(QStringLiteral("^(fil|fol)\\.[0-9a-fA-F]{32}$"));
    return pattern.match(id).hasMatch();
}

} // namespace ica::cli
