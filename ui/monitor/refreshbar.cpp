#include "ui/monitor/refreshbar.h"

#include "core/monitor/batchmonitor.h"
// batchmonitor.h returns a QPointer<ItemsPager> as ItemsPager* inline with the
// class only forward-declared: the full type must be seen by whoever includes it.
#include "core/monitor/itemspager.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace ica::ui {

namespace {

/// The interval selected by default: live, but gentle on the API.
constexpr std::chrono::milliseconds DefaultInterval(5000);

} // namespace

RefreshBar::RefreshBar(QAction *refreshAction, QWidget *parent)
    : QWidget(parent)
    , m_interval(new QComboBox(this))
    , m_refresh(new QToolButton(this))
    , m_updated(new QLabel(this))
    , m_liveState(new QLabel(this)) {
    m_interval->setObjectName(QStringLiteral("refreshIntervalCombo"));
    m_interval->setToolTip(tr("How often the batch is refreshed while it runs"));
    for (const std::chrono::milliseconds interval : BatchMonitor::refreshIntervals()) {
        const QString text = interval.count() == 0
                                 ? tr("Off")
                                 : tr("Every %n s", nullptr, int(interval.count() / 1000));
        m_interval->addItem(text, qlonglong(interval.count()));
    }
    m_interval->setCurrentIndex(m_interval->findData(qlonglong(DefaultInterval.count())));
    connect(m_interval, &QComboBox::currentIndexChanged, this, &RefreshBar::onIntervalChosen);

    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_refresh->setDefaultAction(refreshAction);
    m_refresh->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_updated->setObjectName(QStringLiteral("updatedLabel"));
    m_updated->setToolTip(tr("When the batch was last refreshed"));
    m_liveState->setObjectName(QStringLiteral("liveStateLabel"));

    auto *label = new QLabel(tr("&Live refresh:"), this);
    label->setBuddy(m_interval);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_interval);
    layout->addWidget(m_refresh);
    layout->addSpacing(12);
    layout->addWidget(m_updated);
    layout->addSpacing(12);
    layout->addWidget(m_liveState, 1);

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &RefreshBar::updateLabels);
    m_tick.start();
    updateLabels();
}

void RefreshBar::setMonitor(BatchMonitor *monitor) {
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_monitor = monitor;
    if (m_monitor) {
        m_monitor->setRefreshInterval(interval());
        for (const auto &c :
             {connect(m_monitor, &BatchMonitor::refreshed, this, &RefreshBar::updateLabels),
              connect(m_monitor, &BatchMonitor::liveChanged, this, &RefreshBar::updateLabels),
              connect(m_monitor, &BatchMonitor::pausedChanged, this, &RefreshBar::updateLabels),
              connect(m_monitor, &BatchMonitor::refreshingChanged, this, &RefreshBar::updateLabels),
              connect(m_monitor, &BatchMonitor::errorOccurred, this, &RefreshBar::updateLabels)})
            m_connections.append(c);
    }
    updateLabels();
}

std::chrono::milliseconds RefreshBar::interval() const {
    return std::chrono::milliseconds(m_interval->currentData().toLongLong());
}

void RefreshBar::setInterval(std::chrono::milliseconds interval) {
    const int index = m_interval->findData(qlonglong(interval.count()));
    if (index >= 0)
        m_interval->setCurrentIndex(index);
}

void RefreshBar::setTicking(bool ticking) {
    if (ticking) {
        m_tick.start();
        updateLabels();
    } else {
        m_tick.stop();
    }
}

void RefreshBar::onIntervalChosen(int) {
    if (m_monitor)
        m_monitor->setRefreshInterval(interval());
    updateLabels();
}

void RefreshBar::updateLabels() {
    if (!m_monitor || m_monitor->batchId().isEmpty()) {
        m_updated->clear();
        m_liveState->clear();
        return;
    }
    m_updated->setText(m_monitor->isRefreshing() && !m_monitor->lastRefreshed().isValid()
                           ? tr("Loading…")
                           : m_monitor->updatedText());
    QString state;
    if (m_monitor->isFinished())
        state = tr("Live refresh stopped: the batch has finished.");
    else if (m_monitor->isStoppedByError())
        state = tr("Live refresh stopped: %1. Press F5 to try again.")
                    .arg(m_monitor->lastError().title());
    else if (m_monitor->isPaused())
        state = tr("Live refresh paused while the window is minimised.");
    else if (interval().count() == 0)
        state = tr("Live refresh is off: press F5 to refresh.");
    else if (m_monitor->isLive())
        state = tr("Refreshing every %n s.", nullptr, int(interval().count() / 1000));
    m_liveState->setText(state);
}

} // namespace ica::ui
