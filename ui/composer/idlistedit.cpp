#include "idlistedit.h"

#include "browser/dataidsmime.h"

#include <QMimeData>
#include <QUrl>

namespace ica::ui {

namespace {

QStringList localFiles(const QMimeData *source) {
    QStringList paths;
    if (!source || !source->hasUrls())
        return paths;
    for (const QUrl &url : source->urls())
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    return paths;
}

} // namespace

IdListEdit::IdListEdit(QWidget *parent)
    : QPlainTextEdit(parent) {
    setAcceptDrops(true);
}

bool IdListEdit::canInsertFromMimeData(const QMimeData *source) const {
    return DataIdsMime::has(source) || !localFiles(source).isEmpty() ||
           QPlainTextEdit::canInsertFromMimeData(source);
}

void IdListEdit::insertFromMimeData(const QMimeData *source) {
    if (DataIdsMime::has(source)) {
        Q_EMIT idsDropped(DataIdsMime::ids(source));
        return;
    }
    const QStringList files = localFiles(source);
    if (!files.isEmpty()) {
        Q_EMIT filesDropped(files);
        return;
    }
    QPlainTextEdit::insertFromMimeData(source);
}

} // namespace ica::ui
