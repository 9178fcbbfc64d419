#pragma once

// Plain data of the simulated tenant: what the generator creates and the store owns.

#include "simulator/timeutil.h"
#include "simulator/uuid.h"

#include <QAnyStringView>
#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace ica::sim {

enum class DataStatus : quint8 { Partial, Available, Archiving, Archived, Unarchiving, Deleting };
const char *dataStatusName(DataStatus status);
/// nullopt-like: returns false if the name is not a DataDetails status.
bool parseDataStatus(const QString &name, DataStatus *status);

/// Audit fields shared by most ICA entities (id, times, owner, tenant).
struct EntityMeta {
    Uuid id;
    TimeMs timeCreated = 0;
    TimeMs timeModified = 0;
};

struct DataFormatInfo {
    EntityMeta meta;
    QString code; ///< FASTQ, BAM, ...
    QString description;
    QString mimeType;
};

/// The one tenant, its user, region and the catalogues every answer refers to.
struct World {
    Uuid tenantId;
    QString tenantName;
    EntityMeta user;
    QString username;
    QString email;
    QString firstname;
    QString lastname;
    EntityMeta country;
    EntityMeta region;
    EntityMeta storageBundle;
    std::vector<DataFormatInfo> formats;
    TimeMs newestDataTime = 0; ///< latest timestamp in generated data

    /// Index of the format with this code (case-insensitive); -1 if unknown.
    int formatIndex(QAnyStringView code) const;
};

/// A file or folder. Folder paths end with '/'; a file's path is its parent path + name.
struct DataNode {
    QString id; ///< fil.<32 hex> or fol.<32 hex>
    QString name;
    QString path; ///< full path, e.g. /runs/2026-11/ or /runs/2026-11/s1.bam
    int parent = -1;
    std::vector<int> children; ///< ascending node indices
    bool folder = false;
    qint64 size = 0;
    int format = -1; ///< index into World::formats; -1 for folders
    DataStatus status = DataStatus::Available;
    QStringList userTags;
    QStringList technicalTags;
    QStringList connectorTags;
    TimeMs timeCreated = 0;
    TimeMs timeModified = 0;
    TimeMs willBeArchivedAt = 0; ///< 0: not scheduled
    TimeMs willBeDeletedAt = 0;  ///< 0: not scheduled
    quint64 etag = 0;            ///< seed of the object's ETag
};

/// The changes one DataUpdateGroup asks for; applied to a node when its batch item is UPDATED.
struct DataUpdate {
    QStringList addUserTags;
    QStringList removeUserTags;
    QStringList addTechnicalTags;
    QStringList removeTechnicalTags;
    bool hasUserTags = false;      ///< userTags was given (echoed in item requests)
    bool hasTechnicalTags = false; ///< technicalTags was given
    TimeMs willBeArchivedAt = 0;   ///< 0: unchanged
    TimeMs willBeDeletedAt = 0;    ///< 0: unchanged
    bool clearWillBeArchivedAt = false;
    bool clearWillBeDeletedAt = false;
};

struct Project {
    EntityMeta meta;
    QString name;
    QString shortDescription;
    QString information;
    QStringList userTags;
    QStringList technicalTags;
    std::vector<DataNode> nodes; ///< generation order = default listing order
    std::vector<int> rootNodes;  ///< nodes directly under "/"
    QHash<QString, int> nodeById;
    QHash<QString, int> folderByPath; ///< exact folder path ("/a/b/") -> node
    int fileCount = 0;
};

} // namespace ica::sim
