#pragma once

#include <QCompleter>

namespace ica {
class TagCatalog;
enum class TagKind;
} // namespace ica

namespace ica::ui {

/// Completes the last tag of a comma-separated tag list in a QLineEdit ("a, b, qc"
/// offers the tags containing "qc"; picking one keeps "a, b, "), from the tags a
/// TagCatalog has seen, most used first (TagCompletionModel; UnsortedModel,
/// case-insensitive, MatchContains).
class TagListCompleter final : public QCompleter {
    Q_OBJECT
public:
    /// `catalog` is not owned; the completion model is.
    TagListCompleter(ica::TagCatalog *catalog, ica::TagKind kind, QObject *parent = nullptr);

    /// The tag being typed: the text after the last comma, trimmed.
    [[nodiscard]] QStringList splitPath(const QString &path) const override;
    /// The line edit's text with its last tag replaced by the completion.
    [[nodiscard]] QString pathFromIndex(const QModelIndex &index) const override;
};

} // namespace ica::ui
