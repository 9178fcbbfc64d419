#include "ui/browser/taglistcompleter.h"

#include "core/data/tagcatalog.h"

#include <QLineEdit>

namespace ica::ui {

TagListCompleter::TagListCompleter(TagCatalog *catalog, TagKind kind, QObject *parent)
    : QCompleter(parent) {
    setModel(new TagCompletionModel(catalog, kind, this));
    setModelSorting(QCompleter::UnsortedModel);
    setCaseSensitivity(Qt::CaseInsensitive);
    setFilterMode(Qt::MatchContains);
    setCompletionMode(QCompleter::PopupCompletion);
}

QStringList TagListCompleter::splitPath(const QString &path) const {
    return {path.mid(path.lastIndexOf(QLatin1Char(',')) + 1).trimmed()};
}

QString TagListCompleter::pathFromIndex(const QModelIndex &index) const {
    const QString tag = QCompleter::pathFromIndex(index);
    const auto *edit = qobject_cast<const QLineEdit *>(widget());
    if (!edit)
        return tag;
    const QString text = edit->text();
    const int comma = int(text.lastIndexOf(QLatin1Char(',')));
    return comma < 0 ? tag : text.left(comma + 1) + QLatin1Char(' ') + tag;
}

} // namespace ica::ui
