#pragma once

#include "core/domain/decodecontext.h"
#include "core/domain/page.h"

#include <QDateTime>
#include <QStringList>

#include <optional>

namespace ica {

/// All tag kinds a data item carries (schema DataTag). Only user and technical tags
/// can be changed by a batch; the others are read-only here.
struct DataTags {
    QStringList userTags;
    QStringList technicalTags;
    QStringList connectorTags;
    QStringList runInTags;
    QStringList runOutTags;
    QStringList referenceTags;

    static DataTags fromJson(const QJsonObject &o, DecodeContext &ctx);
    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const DataTags &a, const DataTags &b);
};

/// A file or folder in a project (schemas ProjectData, Data and DataDetails).
struct ProjectData {
    enum class Type { Unknown, File, Folder };

    QString projectId;
    QString id;
    QString urn;
    QString name;
    QString path; // full path: "/runs/x/sample.bam", folders end with '/'
    Type type = Type::Unknown;
    QString typeText; // raw dataType, kept when unknown
    QString status;   // AVAILABLE, ARCHIVED, ... (kept as text: display only)
    QString formatCode;
    std::optional<qint64> sizeInBytes;
    DataTags tags;
    QString owningProjectId;
    QDateTime timeCreated;
    QDateTime timeModified;
    QDateTime willBeArchivedAt;
    QDateTime willBeDeletedAt;

    [[nodiscard]] bool isFolder() const { return type == Type::Folder; }
    static ProjectData fromJson(const QJsonObject &o, DecodeContext &ctx);
    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const ProjectData &a, const ProjectData &b);
};

using ProjectDataPage = Page<ProjectData>;

} // namespace ica
