#pragma once

#include "core/browser/datafilter.h"

#include <QHash>
#include <QPair>
#include <QPointer>
#include <QWidget>

class QAction;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QMenu;
class QToolButton;

namespace ica {
class TagCatalog;
} // namespace ica

namespace ica::ui {

/// Edits the data browser's DataFilter: name (contains / is exactly), type, data
/// statuses, format codes, user and technical tags (has / contains / does not
/// have; comma-separated) and "Search subfolders". Text fields apply on Enter,
/// combos, status choices and the check box at once; each application emits
/// filterEdited() with the whole filter as shown.
///
/// Children: nameFilter, nameMatch, typeFilter, statusFilter (a QToolButton whose
/// menu has one checkable action "status_<STATUS>" per DataFilter::knownStatuses()),
/// formatFilter, userTagFilter, userTagMatch, technicalTagFilter,
/// technicalTagMatch, recursiveCheck, clearFilterButton.
class BrowserFilterBar final : public QWidget {
    Q_OBJECT
public:
    explicit BrowserFilterBar(QWidget *parent = nullptr);

    /// The filter the fields show (also text not yet applied with Enter).
    [[nodiscard]] DataFilter filter() const;
    /// Shows `filter` without emitting filterEdited().
    void setFilter(const ica::DataFilter &filter);
    /// Completes the tag fields from `catalog` (not owned); null: no completion.
    void setTagCatalog(ica::TagCatalog *catalog);

Q_SIGNALS:
    /// The user applied a change; `filter` is everything the fields show.
    void filterEdited(const ica::DataFilter &filter);

private:
    void apply();
    void clearAll();
    void updateStatusButton();
    [[nodiscard]] QComboBox *matchCombo(const QString &objectName,
                                        const QList<QPair<QString, MatchMode>> &choices);

    QPointer<TagCatalog> m_catalog;
    QLineEdit *m_name;
    QComboBox *m_nameMatch;
    QComboBox *m_type;
    QToolButton *m_status;
    QMenu *m_statusMenu;
    QHash<QString, QAction *> m_statusActions;
    QLineEdit *m_format;
    QLineEdit *m_userTags;
    QComboBox *m_userTagMatch;
    QLineEdit *m_technicalTags;
    QComboBox *m_technicalTagMatch;
    QCheckBox *m_recursive;
    QToolButton *m_clear;
};

} // namespace ica::ui
