#pragma once

#include "simulator/faultinjector.h"
#include "simulator/simulatoroptions.h"
#include "simulator/timeutil.h"

#include <QDateTime>
#include <QMap>
#include <QObject>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>

namespace ica::sim {

class BatchEngine;
class DataStore;

/// A data item as the tests see it (a copy, safe to keep).
struct DataSnapshot {
    QString id;
    QString name;
    QString path;
    bool folder = false;
    QString status;
    QStringList userTags;
    QStringList technicalTags;
    TimeMs timeModified = 0;
    TimeMs willBeArchivedAt = 0; ///< 0: not scheduled
    TimeMs willBeDeletedAt = 0;  ///< 0: not scheduled
    QStringList childIds;        ///< direct children of a folder, in listing order
};

/// A batch as the tests see it.
struct BatchSnapshot {
    QString id;
    QString jobId;
    QString jobStatus;
    int itemCount = 0;
    QMap<QString, int> itemStatusCounts; ///< item status name -> count
};

/// The ICA simulator: seeded data, batch processing in simulated time and the REST API
/// served over HTTP on loopback. Lives in one thread; everything is asynchronous (use
/// SimulatorThread to run it beside a GUI). Generation happens in the constructor, so the
/// read accessors work before start().
class IcaSimulator : public QObject {
    Q_OBJECT
public:
    explicit IcaSimulator(const SimulatorOptions &options = {}, QObject *parent = nullptr);
    ~IcaSimulator() override;

    /// Starts listening. False with a message if the port cannot be bound.
    bool start(QString *errorMessage = nullptr);
    bool isListening() const;
    quint16 port() const;
    /// http://127.0.0.1:PORT/ica/rest (valid after start()).
    QUrl baseUrl() const;
    /// http://127.0.0.1:PORT/_sim: the control surface (see ControlEndpoints).
    QUrl controlUrl() const;
    /// The first accepted API key (the seeded demo key unless keys were configured).
    QString apiKey() const;
    QStringList apiKeys() const;
    const SimulatorOptions &options() const;

    /// Moves simulated time forward and processes batches up to the new time.
    void advance(std::chrono::milliseconds simulated);
    /// Brings a real-time clock up to date and processes batches (done before each request).
    void syncClock();
    TimeMs nowMs() const;
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }

    /// Faults, changeable at run time; the injector itself is thread-safe.
    FaultInjector &faults();
    std::shared_ptr<FaultInjector> sharedFaults() const;

    // Read access (tests, demo UI).
    const DataStore &store() const;
    const BatchEngine &batchEngine() const;
    QString tenantId() const;
    QString tenantName() const;
    /// Project ids in default listing order; the first holds filesInFirstProject files.
    QStringList projectIds() const;
    /// Ids of the files (not folders) of a project, in default order.
    QStringList fileIds(const QString &projectId) const;
    std::optional<DataSnapshot> data(const QString &projectId, const QString &dataId) const;
    /// The data item at a full path ("/runs/2026-11/" for a folder).
    std::optional<DataSnapshot> dataAtPath(const QString &projectId, const QString &path) const;
    std::optional<BatchSnapshot> batch(const QString &projectId, const QString &batchId) const;
    int batchCount() const;

Q_SIGNALS:
    /// An answer was written (status 0: the connection was dropped by a fault).
    void requestServed(const QString &method, const QString &path, int status);
    /// A batch's job reached a terminal status.
    void batchFinished(const QString &batchId, const QString &jobStatus);

private:
    void replayJournal();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace ica::sim
