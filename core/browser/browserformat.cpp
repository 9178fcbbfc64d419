#include "core/browser/browserformat.h"

#include <QCoreApplication>
#include <QLocale>

namespace ica::browserformat {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("ica::browserformat", text);
}
} // namespace

QString dataSize(qint64 bytes) {
    if (bytes == 1)
        return tr("1 byte");
    if (bytes < 1000)
        return tr("%1 bytes").arg(bytes);
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString statusLabel(const QString &status) {
    if (status.isEmpty())
        return status;
    QString text = status.toLower();
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    text[0] = text[0].toUpper();
    return text;
}

QString typeLabel(const ProjectData &data) {
    switch (data.type) {
    case ProjectData::Type::File:
        return tr("File");
    case ProjectData::Type::Folder:
        return tr("Folder");
    case ProjectData::Type::Unknown:
        break;
    }
    return data.typeText;
}

QString tagList(const QStringList &tags) {
    return tags.join(QStringLiteral(", "));
}

} // namespace ica::browserformat
