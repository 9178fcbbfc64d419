#pragma once

#include "core/store/profile.h"
#include "core/store/storeresult.h"

#include <QList>
#include <QObject>

#include <optional>

class QSettings;

namespace ica {

/// The list of connection profiles, kept in a QSettings the caller owns (the app
/// passes its settings, tests a temporary INI file) under the group "Profiles".
/// Only the plain fields of Profile are written: a Profile holds no secret, so
/// none can reach the settings file. While the list is not empty exactly one
/// profile is the default.
class ProfileStore final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileStore)
public:
    /// Reads the profiles from `settings`, which must outlive this store.
    explicit ProfileStore(QSettings *settings, QObject *parent = nullptr);

    /// In the order they were added.
    [[nodiscard]] QList<Profile> profiles() const { return m_profiles; }
    [[nodiscard]] std::optional<Profile> byId(const QString &id) const;
    /// Names compare case-insensitively, ignoring surrounding spaces.
    [[nodiscard]] std::optional<Profile> byName(const QString &name) const;
    [[nodiscard]] std::optional<Profile> defaultProfile() const;

    /// What is wrong with `profile` as it would be stored (empty name, a name
    /// another profile has, a bad server URL), as a sentence that also says what
    /// to do; empty when it is fine. `ignoreId` is the profile being edited.
    [[nodiscard]] QString validate(const Profile &profile, const QString &ignoreId = {}) const;

    /// Adds a profile: assigns an id when empty, trims the name and normalizes
    /// the server URL. The first profile, or one with isDefault, becomes the
    /// default. Returns the profile as stored, or why it was refused.
    StoreResult<Profile> add(Profile profile);
    /// Replaces the fields of the profile with the same id. isDefault = true makes
    /// it the default; isDefault = false is ignored (make another one the default).
    StoreResult<Profile> update(Profile profile);
    /// Copies a profile under a new id and the name `newName` (or "NAME (copy)").
    /// Secrets are not copied: they belong to the SecretStore.
    StoreResult<Profile> duplicate(const QString &id, const QString &newName = {});
    /// Removes a profile; if it was the default, the first remaining one becomes
    /// the default. The caller removes its secrets (SecretStore::remove).
    StoreResult<bool> remove(const QString &id);
    StoreResult<bool> setDefault(const QString &id);
    /// Reads the list again from the settings (another process may have written it).
    void reload();

Q_SIGNALS:
    /// The list, a field or the default changed.
    void profilesChanged();

private:
    [[nodiscard]] qsizetype indexOf(const QString &id) const;
    [[nodiscard]] QString normalizedFields(Profile &profile) const;
    [[nodiscard]] QString uniqueCopyName(const QString &base) const;
    void makeDefault(const QString &id);
    void write(const QList<Profile> &profiles);
    /// Writes the whole list; on failure restores `previous` and says why.
    QString save(const QList<Profile> &previous);
    void load();

    QSettings *m_settings;
    QList<Profile> m_profiles;
};

} // namespace ica
