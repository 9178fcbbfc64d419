#pragma once

#include <QMimeData>
#include <QStringList>

namespace ica {

/// The drag-and-drop format of data items dragged out of the data browser: their
/// data IDs, one per line, as UTF-8. The same IDs go in text/plain, so a drop on
/// any text field (or another application) pastes them.
struct DataIdsMime {
    static QString type() { return QStringLiteral("application/x-icatag-data-ids"); }

    /// A new QMimeData carrying `ids` (the caller, usually QDrag, owns it).
    [[nodiscard]] static QMimeData *create(const QStringList &ids) {
        auto *mime = new QMimeData;
        const QString text = ids.join(QLatin1Char('\n'));
        mime->setData(type(), text.toUtf8());
        mime->setText(text);
        return mime;
    }
    [[nodiscard]] static bool has(const QMimeData *mime) { return mime && mime->hasFormat(type()); }
    /// The IDs of a drag made by create(); empty for anything else.
    [[nodiscard]] static QStringList ids(const QMimeData *mime) {
        if (!has(mime))
            return {};
        return QString::fromUtf8(mime->data(type())).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }
};

} // namespace ica
