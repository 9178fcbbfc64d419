#include "ui/browser/breadcrumbbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace ica::ui {

BreadcrumbBar::BreadcrumbBar(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this)) {
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(0);
    m_layout->addStretch();
    // Deep paths must not widen the window: the trail may be cut on the right.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

void BreadcrumbBar::setCrumbs(const QList<Breadcrumb> &crumbs) {
    if (crumbs == m_crumbs)
        return;
    m_crumbs = crumbs;
    clearItems();
    for (int i = 0; i < crumbs.size(); ++i) {
        const Breadcrumb &crumb = crumbs.at(i);
        if (i > 0) {
            auto *separator = new QLabel(QStringLiteral("›"), this);
            separator->setContentsMargins(2, 0, 2, 0);
            m_items.append(separator);
            m_layout->insertWidget(m_layout->count() - 1, separator);
        }
        auto *button = new QToolButton(this);
        button->setObjectName(QStringLiteral("crumb"));
        button->setProperty("path", crumb.path);
        button->setText(crumb.label);
        button->setAutoRaise(true);
        button->setToolTip(tr("Go to %1").arg(crumb.path));
        if (i == crumbs.size() - 1) {
            QFont font = button->font();
            font.setBold(true);
            button->setFont(font);
        }
        const QString path = crumb.path;
        connect(button, &QToolButton::clicked, this, [this, path]() { Q_EMIT pathClicked(path); });
        m_items.append(button);
        m_layout->insertWidget(m_layout->count() - 1, button);
    }
}

void BreadcrumbBar::clearItems() {
    // deleteLater: the clicked button itself may be what is being replaced (a click
    // navigates, the navigator sends new crumbs while the click is still delivered).
    for (QWidget *item : std::as_const(m_items)) {
        item->hide();
        item->setObjectName(QString()); // no longer one of the "crumb" children
        m_layout->removeWidget(item);
        item->deleteLater();
    }
    m_items.clear();
}

} // namespace ica::ui
