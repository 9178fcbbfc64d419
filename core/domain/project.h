#pragma once

#include "core/domain/decodecontext.h"
#include "core/domain/page.h"

#include <QDateTime>
#include <QStringList>

namespace ica {

/// An ICA project (the fields of schema Project this client uses).
struct Project {
    QString id;
    QString name;
    QString shortDescription;
    QString information;
    QString tenantId;
    QString tenantName;
    QString regionCode;
    QString billingMode;
    bool active = true;
    QStringList userTags;
    QStringList technicalTags;
    QDateTime timeCreated;
    QDateTime timeModified;

    static Project fromJson(const QJsonObject &o, DecodeContext &ctx);
    [[nodiscard]] QJsonObject toJson() const;
    friend bool operator==(const Project &a, const Project &b);
};

using ProjectPage = Page<Project>;

} // namespace ica
