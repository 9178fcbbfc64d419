#pragma once

#include "core/domain/batch.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace ica {

/// The value the composer edits: which project, the update groups (in the shape
/// of CreateBatchRequest, kept as typed, blank tags and repeated IDs included so
/// the validator can point at them) and the few choices that only the composer
/// needs. Saved as a draft's content (see toJson()).
struct DraftDocument {
    /// Version of the JSON written by toJson(); fromJson() reads this and older ones.
    static constexpr int FormatVersion = 1;

    QString projectId;
    QString projectName;
    QList<DataUpdateGroup> groups;
    /// The user agreed to send more than 5,000 IDs as several batches (BatchSplitter).
    bool splitAccepted = false;

    /// True when no group holds anything (a chosen project alone does not count:
    /// a new draft starts with the last project, and that is not worth saving).
    [[nodiscard]] bool isBlank() const;
    /// Number of data IDs over all groups (repeats counted).
    [[nodiscard]] qsizetype dataIdCount() const;
    /// An equal copy that shares no ID list with this one (new arrays; the strings
    /// themselves stay shared). Made on a worker thread, it keeps the editors' lists
    /// unshared: else the next keystroke on the GUI thread copies a 100,000-ID list
    /// (a copy-on-write detach) because a check or a save still holds it.
    [[nodiscard]] DraftDocument detached() const;
    /// The groups as the API body, exactly as they are (no cleaning).
    [[nodiscard]] CreateBatchRequest toRequest() const;
    /// A document holding `request`'s groups for `projectId`.
    static DraftDocument fromRequest(const QString &projectId, const QString &projectName,
                                     const CreateBatchRequest &request);

    /// {"format":1, "projectId", "projectName", "dataUpdateGroups":[...],
    ///  "composer":{"splitAccepted":bool}}: the CreateBatchRequest shape plus the rest.
    [[nodiscard]] QJsonObject toJson() const;
    /// Reads what toJson() wrote. A damaged draft gives what could be read and an
    /// explanation in `error` (when given), never a crash.
    static DraftDocument fromJson(const QJsonObject &o, QString *error = nullptr);

    friend bool operator==(const DraftDocument &a, const DraftDocument &b) {
        return a.projectId == b.projectId && a.projectName == b.projectName &&
               a.groups == b.groups && a.splitAccepted == b.splitAccepted;
    }
    friend bool operator!=(const DraftDocument &a, const DraftDocument &b) { return !(a == b); }
};

} // namespace ica
