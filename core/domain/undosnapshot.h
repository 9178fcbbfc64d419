#pragma once

#include "core/domain/batch.h"
#include "core/domain/projectdata.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QStringList>

namespace ica {

/// What a data item looked like before a batch: the fields a batch can change.
struct DataState {
    QString id;
    QString name;
    QString path;
    bool folder = false;
    QStringList userTags;
    QStringList technicalTags;
    QDateTime willBeArchivedAt; ///< invalid: none
    QDateTime willBeDeletedAt;
    /// For the contents of a folder in the batch (reached only through the folder's
    /// recursive update): that folder's ID. Empty for items named in the batch.
    QString viaFolder;

    static DataState of(const ProjectData &data);
    friend bool operator==(const DataState &a, const DataState &b);
};

/// The state of every data item a batch touches, taken just before it was sent:
/// what "Undo this batch" restores. Kept in the SQLite store (one per batch, see
/// StoreWorker::saveSnapshot) and in the CLI's undo file, as versioned compact JSON.
struct UndoSnapshot {
    static constexpr int FormatVersion = 1;

    QString projectId;
    QString projectName;
    QDateTime takenAt;
    QStringList batchIds;       ///< the batches created from `request` (CLI: all parts)
    CreateBatchRequest request; ///< what was (to be) sent, unsplit
    QList<DataState> items;     ///< named items, then folder contents
    QStringList missing;        ///< IDs of the request that did not exist then
    /// Folders whose contents could not be listed (listing too large): their contents
    /// are not in `items` and an undo says so.
    QStringList foldersNotListed;

    /// The part of this snapshot that one of its split parts (`part`, a sub-request)
    /// touches: its named items, the contents of its folders, its missing IDs.
    [[nodiscard]] UndoSnapshot partFor(const CreateBatchRequest &part) const;
    /// The index of `items` by ID.
    [[nodiscard]] QHash<QString, qsizetype> index() const;
    [[nodiscard]] QJsonObject toJson() const;
    /// Compact JSON text.
    [[nodiscard]] QByteArray toJsonBytes() const;
    /// Decodes toJson(); false with `error` set (what is wrong) for anything else,
    /// including a newer format version.
    static bool fromJson(const QByteArray &json, UndoSnapshot *out, QString *error);
    /// toJsonBytes() through qCompress: what the store keeps.
    [[nodiscard]] QByteArray compressed() const;
    static bool fromCompressed(const QByteArray &blob, UndoSnapshot *out, QString *error);
};

} // namespace ica
