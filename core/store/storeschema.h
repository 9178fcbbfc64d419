#pragma once

#include <QList>
#include <QStringList>

namespace ica {

/// One step of a database schema: the statements that take it from version
/// `version - 1` to `version`. Each step runs in one transaction together with
/// setting PRAGMA user_version, so a step is applied whole or not at all.
struct Migration {
    int version = 0;
    QStringList statements;
};

/// The schema of the app's store database (batch history and drafts), oldest
/// step first. Append new steps; never edit a released one.
[[nodiscard]] QList<Migration> storeMigrations();

} // namespace ica
