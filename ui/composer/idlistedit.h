#pragma once

#include <QPlainTextEdit>

namespace ica::ui {

/// The data ID text of a group: typed or pasted text as usual, but files dropped
/// on it are imported (filesDropped()) instead of having their path pasted, and
/// rows dragged from the data browser are appended (idsDropped()) instead of being
/// inserted wherever the mouse happened to be.
class IdListEdit final : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit IdListEdit(QWidget *parent = nullptr);

Q_SIGNALS:
    /// Local files were dropped (or pasted as file URLs).
    void filesDropped(const QStringList &paths);
    /// Data items were dropped from the data browser (DataIdsMime).
    void idsDropped(const QStringList &ids);

protected:
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
};

} // namespace ica::ui
