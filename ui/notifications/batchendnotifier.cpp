#include "ui/notifications/batchendnotifier.h"

#include "ui/notifications/desktopnotifier.h"

#include "core/monitor/batchendwatcher.h"
#include "core/monitor/batchmonitor.h"

#include <QApplication>
#include <QLocale>
#include <QSettings>

namespace ica::ui {

namespace {

const QString EnabledKey = QStringLiteral("notifications/batchEnded");
const QChar KeySeparator = QLatin1Char('/');

} // namespace

BatchEndNotifier::BatchEndNotifier(QSettings *settings, DesktopNotifier *desktop, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_desktop(desktop)
    , m_interval(BatchEndWatcher::DefaultInterval)
    , m_isActive([]() { return QApplication::activeWindow() != nullptr; }) {
    connect(desktop, &DesktopNotifier::activated, this, [this](const QString &key) {
        const qsizetype at = key.indexOf(KeySeparator);
        if (at > 0)
            Q_EMIT openRequested(key.left(at), key.mid(at + 1));
    });
}

BatchEndNotifier::~BatchEndNotifier() = default;

void BatchEndNotifier::setClient(ApiClient *client) {
    if (client == m_client)
        return;
    delete m_watcher;
    m_client = client;
    if (!client)
        return;
    m_watcher = new BatchEndWatcher(client, this);
    m_watcher->setInterval(m_interval);
    connect(m_watcher, &BatchEndWatcher::batchEnded, this, &BatchEndNotifier::onBatchEnded);
}

void BatchEndNotifier::setPollInterval(std::chrono::milliseconds interval) {
    m_interval = interval;
    if (m_watcher)
        m_watcher->setInterval(interval);
}

void BatchEndNotifier::watch(const QString &projectId, const QString &batchId) {
    if (m_watcher && isEnabled() && !projectId.isEmpty() && !batchId.isEmpty())
        m_watcher->watch(projectId, batchId);
}

bool BatchEndNotifier::isEnabled() const {
    return m_settings->value(EnabledKey, true).toBool();
}

void BatchEndNotifier::setEnabled(bool enabled) {
    m_settings->setValue(EnabledKey, enabled);
}

void BatchEndNotifier::onBatchEnded(const QString &projectId, const QString &batchId,
                                    const JobStatus &status) {
    if (!isEnabled() || m_isActive() || !m_client) {
        Q_EMIT batchEnded(projectId, batchId, false); // the monitor in front says it already
        return;
    }
    // The final counts: one round of the monitor's own counting, then it goes.
    auto *counter = new BatchMonitor(m_client, this);
    const auto done = [this, counter, projectId, batchId, status](const QString &counts) {
        counter->disconnect(this);
        counter->deleteLater();
        announce(projectId, batchId, status, counts);
        Q_EMIT batchEnded(projectId, batchId, true);
    };
    connect(counter, &BatchMonitor::finished, this,
            [counter, done]() { done(countsText(counter->counts())); });
    connect(counter, &BatchMonitor::errorOccurred, this, [done]() { done(QString()); });
    counter->setBatch(projectId, batchId);
}

void BatchEndNotifier::announce(const QString &projectId, const QString &batchId,
                                const JobStatus &status, const QString &counts) {
    const QString name = m_namer ? m_namer(projectId) : QString();
    QString body = tr("Batch %1 in %2").arg(batchId.left(8), name.isEmpty() ? projectId : name);
    if (!counts.isEmpty())
        body += QStringLiteral(": ") + counts;
    m_desktop->show(summaryText(status), body, projectId + KeySeparator + batchId);
}

QString BatchEndNotifier::countsText(const ItemStatusCounts &counts) {
    const QLocale locale;
    QStringList parts;
    const auto add = [&](ItemStatus::Value status, const QString &label) {
        if (counts.count(status) > 0)
            parts.append(label.arg(locale.toString(counts.count(status))));
    };
    add(ItemStatus::Updated, tr("%1 updated"));
    add(ItemStatus::PartiallyUpdated, tr("%1 partly updated"));
    add(ItemStatus::Failed, tr("%1 failed"));
    const qint64 open = counts.count(ItemStatus::Initialised) +
                        counts.count(ItemStatus::WaitingResources) +
                        counts.count(ItemStatus::Updating);
    if (open > 0)
        parts.append(tr("%1 not processed").arg(locale.toString(open)));
    return parts.isEmpty() ? tr("no items") : parts.join(QStringLiteral(", "));
}

QString BatchEndNotifier::summaryText(const JobStatus &status) {
    switch (status.value()) {
    case JobStatus::Succeeded:
        return tr("Batch succeeded");
    case JobStatus::PartiallySucceeded:
        return tr("Batch partly succeeded");
    case JobStatus::Failed:
        return tr("Batch failed");
    case JobStatus::Stopped:
        return tr("Batch stopped");
    default:
        return tr("Batch ended");
    }
}

} // namespace ica::ui
