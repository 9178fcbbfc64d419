#pragma once

#include "core/domain/decodecontext.h"
#include "core/domain/page.h"
#include "core/domain/statuses.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace ica {

/// Tags to add and to remove (schema TagUpdate).
struct TagUpdate {
    QStringList addTags;
    QStringList removeTags;

    [[nodiscard]] bool isEmpty() const { return addTags.isEmpty() && removeTags.isEmpty(); }
    static TagUpdate fromJson(const QJsonObject &o, DecodeContext &ctx);
    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const TagUpdate &a, const TagUpdate &b) {
        return a.addTags == b.addTags && a.removeTags == b.removeTags;
    }
};

/// One group of data IDs and the changes to apply to all of them (schema DataUpdateGroup).
struct DataUpdateGroup {
    QStringList dataIds;
    TagUpdate userTags;
    TagUpdate technicalTags;
    QDateTime willBeArchivedAt; // invalid: not set
    QDateTime willBeDeletedAt;
    bool clearWillBeArchivedAt = false;
    bool clearWillBeDeletedAt = false;

    /// True when the group would change nothing on its data.
    [[nodiscard]] bool changesNothing() const;
    static DataUpdateGroup fromJson(const QJsonObject &o, DecodeContext &ctx);
    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const DataUpdateGroup &a, const DataUpdateGroup &b);
};

/// The body of "create a project data update batch" (schema CreateProjectDataUpdateBatch).
struct CreateBatchRequest {
    QList<DataUpdateGroup> dataUpdateGroups;

    /// Number of data IDs over all groups (ICA allows at most 100,000 per call).
    [[nodiscard]] qsizetype dataIdCount() const;
    static CreateBatchRequest fromJson(const QJsonObject &o, DecodeContext &ctx);
    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const CreateBatchRequest &a, const CreateBatchRequest &b) {
        return a.dataUpdateGroups == b.dataUpdateGroups;
    }
};

/// The user who owns a job (the fields of schema User this client shows).
struct UserRef {
    QString id;
    QString username;
    QString email;
    QString firstname;
    QString lastname;

    /// "First Last" when known, else the user name, else the e-mail, else the id.
    [[nodiscard]] QString displayName() const;
    static UserRef fromJson(const QJsonObject &o, DecodeContext &ctx);
    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const UserRef &a, const UserRef &b) {
        return a.id == b.id && a.username == b.username && a.email == b.email &&
               a.firstname == b.firstname && a.lastname == b.lastname;
    }
};

/// The job that executes a batch (schema Job).
struct Job {
    QString id;
    JobStatus status;
    QString additionalStatusInformation;
    QString subjectType;
    QString subjectId;
    QDateTime timeCreated;
    QDateTime timeStarted;
    QDateTime timeFinished;
    UserRef owner;

    static Job fromJson(const QJsonObject &o, DecodeContext &ctx);
    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const Job &a, const Job &b);
};

/// A data update batch: its id and job (schema ProjectDataUpdateBatch).
struct Batch {
    QString id;
    Job job;

    static Batch fromJson(const QJsonObject &o, DecodeContext &ctx);
    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const Batch &a, const Batch &b) {
        return a.id == b.id && a.job == b.job;
    }
};

/// What one batch item asks for (schema ProjectDataUpdateBatchItemRequest).
struct BatchItemRequest {
    QString dataId;
    TagUpdate userTags;
    TagUpdate technicalTags;
    QDateTime willBeArchivedAt;
    QDateTime willBeDeletedAt;

    static BatchItemRequest fromJson(const QJsonObject &o, DecodeContext &ctx);
    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const BatchItemRequest &a, const BatchItemRequest &b);
};

/// One item of a batch: one data ID of one group, with its processing state.
struct BatchItem {
    QString id;
    BatchItemRequest request;
    ItemStatus status;
    QString additionalStatusInformation;

    static BatchItem fromJson(const QJsonObject &o, DecodeContext &ctx);
    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const BatchItem &a, const BatchItem &b) {
        return a.id == b.id && a.request == b.request && a.status == b.status &&
               a.additionalStatusInformation == b.additionalStatusInformation;
    }
};

using BatchItemPage = Page<BatchItem>;

} // namespace ica
