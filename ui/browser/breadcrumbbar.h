#pragma once

#include "core/browser/browsernavigator.h"

#include <QWidget>

class QHBoxLayout;

namespace ica::ui {

/// The folder trail of the data browser: one flat button per Breadcrumb (root
/// first), separated by "›"; the last one (the current folder) in bold. A click
/// asks to go to that folder.
///
/// Children: one QToolButton "crumb" per breadcrumb, with the dynamic property
/// "path" holding the folder path it leads to.
class BreadcrumbBar final : public QWidget {
    Q_OBJECT
public:
    explicit BreadcrumbBar(QWidget *parent = nullptr);

    /// Shows `crumbs` (root first, current folder last).
    void setCrumbs(const QList<ica::Breadcrumb> &crumbs);
    [[nodiscard]] const QList<ica::Breadcrumb> &crumbs() const { return m_crumbs; }

Q_SIGNALS:
    /// A breadcrumb was clicked: go to `path`.
    void pathClicked(const QString &path);

private:
    void clearItems();

    QHBoxLayout *m_layout;
    QList<ica::Breadcrumb> m_crumbs;
    QList<QWidget *> m_items;
};

} // namespace ica::ui
