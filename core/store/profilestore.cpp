#include "core/store/profilestore.h"

#include "core/api/serverurl.h"

#include <QCoreApplication>
#include <QSettings>

namespace ica {

namespace {

const QString Group = QStringLiteral("Profiles");
const QString ListKey = QStringLiteral("list");
const QString DefaultKey = QStringLiteral("default");

} // namespace

ProfileStore::ProfileStore(QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings) {
    Q_ASSERT(settings);
    load();
}

void ProfileStore::load() {
    m_profiles.clear();
    m_settings->beginGroup(Group);
    const QString defaultId = m_settings->value(DefaultKey).toString();
    const int count = m_settings->beginReadArray(ListKey);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        Profile p;
        p.id = m_settings->value(QStringLiteral("id")).toString();
        p.name = m_settings->value(QStringLiteral("name")).toString();
        if (p.id.isEmpty() || p.name.isEmpty() || indexOf(p.id) >= 0)
            continue; // damaged entry: skip it rather than show a nameless profile
        p.serverUrl = m_settings->value(QStringLiteral("serverUrl"), p.serverUrl).toString();
        p.authKind = authKindFromString(m_settings->value(QStringLiteral("authKind")).toString())
                         .value_or(AuthKind::ApiKeyExchange);
        p.tenantName = m_settings->value(QStringLiteral("tenantName")).toString();
        p.defaultProjectId = m_settings->value(QStringLiteral("defaultProjectId")).toString();
        p.demo = m_settings->value(QStringLiteral("demo"), false).toBool();
        m_profiles.append(p);
    }
    m_settings->endArray();
    m_settings->endGroup();
    makeDefault(defaultId);
}

void ProfileStore::reload() {
    load();
    Q_EMIT profilesChanged();
}

void ProfileStore::write(const QList<Profile> &profiles) {
    m_settings->beginGroup(Group);
    m_settings->remove(QString()); // the whole group: no stale array entries stay behind
    m_settings->beginWriteArray(ListKey, int(profiles.size()));
    QString defaultId;
    for (int i = 0; i < profiles.size(); ++i) {
        const Profile &p = profiles.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("id"), p.id);
        m_settings->setValue(QStringLiteral("name"), p.name);
        m_settings->setValue(QStringLiteral("serverUrl"), p.serverUrl);
        m_settings->setValue(QStringLiteral("authKind"), authKindToString(p.authKind));
        m_settings->setValue(QStringLiteral("tenantName"), p.tenantName);
        m_settings->setValue(QStringLiteral("defaultProjectId"), p.defaultProjectId);
        m_settings->setValue(QStringLiteral("demo"), p.demo);
        if (p.isDefault)
            defaultId = p.id;
    }
    m_settings->endArray();
    m_settings->setValue(DefaultKey, defaultId);
    m_settings->endGroup();
}

QString ProfileStore::save(const QList<Profile> &previous) {
    write(m_profiles);
    m_settings->sync();
    if (m_settings->status() == QSettings::NoError)
        return {};
    m_profiles = previous;
    write(previous); // keep the settings object in step with what this store shows
    return QCoreApplication::translate(
               "ica::ProfileStore",
               "The profiles could not be saved to %1: check that the file and its "
               "folder are writable.")
        .arg(m_settings->fileName());
}

qsizetype ProfileStore::indexOf(const QString &id) const {
    for (qsizetype i = 0; i < m_profiles.size(); ++i)
        if (m_profiles.at(i).id == id)
            return i;
    return -1;
}

std::optional<Profile> ProfileStore::byId(const QString &id) const {
    const qsizetype i = indexOf(id);
    return i < 0 ? std::nullopt : std::optional<Profile>(m_profiles.at(i));
}

std::optional<Profile> ProfileStore::byName(const QString &name) const {
    const QString wanted = name.trimmed();
    for (const Profile &p : m_profiles)
        if (p.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return p;
    return std::nullopt;
}

std::optional<Profile> ProfileStore::defaultProfile() const {
    for (const Profile &p : m_profiles)
        if (p.isDefault)
            return p;
    return std::nullopt;
}

QString ProfileStore::validate(const Profile &profile, const QString &ignoreId) const {
    const QString name = profile.name.trimmed();
    if (name.isEmpty())
        return QCoreApplication::translate(
            "ica::ProfileStore", "The profile needs a name: give one such as \"Production\" or "
                                 "\"EU tenant\".");
    const auto other = byName(name);
    if (other && other->id != ignoreId)
        return QCoreApplication::translate(
                   "ica::ProfileStore",
                   "A profile named \"%1\" already exists: choose another name, or edit "
                   "that profile instead.")
            .arg(other->name);
    if (!profile.demo) {
        QString error;
        if (!normalizeServerUrl(profile.serverUrl, &error).isValid())
            return error;
    }
    return {};
}

QString ProfileStore::normalizedFields(Profile &profile) const {
    profile.name = profile.name.trimmed();
    profile.tenantName = profile.tenantName.trimmed();
    profile.defaultProjectId = profile.defaultProjectId.trimmed();
    if (profile.demo)
        return {};
    QString error;
    const QUrl url = normalizeServerUrl(profile.serverUrl, &error);
    if (url.isValid())
        profile.serverUrl = url.toString();
    return error;
}

void ProfileStore::makeDefault(const QString &id) {
    const bool known = indexOf(id) >= 0;
    for (qsizetype i = 0; i < m_profiles.size(); ++i)
        m_profiles[i].isDefault = known ? m_profiles.at(i).id == id : i == 0;
}

StoreResult<Profile> ProfileStore::add(Profile profile) {
    if (profile.id.isEmpty())
        profile.id = Profile::newId();
    if (indexOf(profile.id) >= 0)
        return StoreResult<Profile>::failure(QCoreApplication::translate(
            "ica::ProfileStore",
            "A profile with this id already exists: edit it instead of adding it."));
    if (const QString error = validate(profile); !error.isEmpty())
        return StoreResult<Profile>::failure(error);
    if (const QString error = normalizedFields(profile); !error.isEmpty())
        return StoreResult<Profile>::failure(error);
    const QList<Profile> previous = m_profiles;
    const QString defaultId = profile.isDefault || m_profiles.isEmpty()
                                  ? profile.id
                                  : defaultProfile().value_or(Profile()).id;
    m_profiles.append(profile);
    makeDefault(defaultId);
    if (const QString error = save(previous); !error.isEmpty())
        return StoreResult<Profile>::failure(error);
    Q_EMIT profilesChanged();
    return StoreResult<Profile>::success(*byId(profile.id));
}

StoreResult<Profile> ProfileStore::update(Profile profile) {
    const qsizetype index = indexOf(profile.id);
    if (index < 0)
        return StoreResult<Profile>::failure(QCoreApplication::translate(
            "ica::ProfileStore",
            "This profile no longer exists (it may have been removed): close the "
            "dialog and pick a profile from the list again."));
    if (const QString error = validate(profile, profile.id); !error.isEmpty())
        return StoreResult<Profile>::failure(error);
    if (const QString error = normalizedFields(profile); !error.isEmpty())
        return StoreResult<Profile>::failure(error);
    const QList<Profile> previous = m_profiles;
    const QString defaultId =
        profile.isDefault ? profile.id : defaultProfile().value_or(Profile()).id;
    m_profiles[index] = profile;
    makeDefault(defaultId);
    if (m_profiles == previous)
        return StoreResult<Profile>::success(m_profiles.at(index));
    if (const QString error = save(previous); !error.isEmpty())
        return StoreResult<Profile>::failure(error);
    Q_EMIT profilesChanged();
    return StoreResult<Profile>::success(m_profiles.at(index));
}

QString ProfileStore::uniqueCopyName(const QString &base) const {
    QString name = QCoreApplication::translate("ica::ProfileStore", "%1 (copy)").arg(base);
    for (int n = 2; byName(name); ++n)
        name = QCoreApplication::translate("ica::ProfileStore", "%1 (copy %2)").arg(base).arg(n);
    return name;
}

StoreResult<Profile> ProfileStore::duplicate(const QString &id, const QString &newName) {
    const auto source = byId(id);
    if (!source)
        return StoreResult<Profile>::failure(QCoreApplication::translate(
            "ica::ProfileStore",
            "The profile to duplicate no longer exists: pick one from the list."));
    Profile copy = *source;
    copy.id = Profile::newId();
    copy.name = newName.trimmed().isEmpty() ? uniqueCopyName(source->name) : newName;
    copy.isDefault = false;
    return add(copy);
}

StoreResult<bool> ProfileStore::remove(const QString &id) {
    const qsizetype index = indexOf(id);
    if (index < 0)
        return StoreResult<bool>::success(false);
    const QList<Profile> previous = m_profiles;
    const QString defaultId = defaultProfile().value_or(Profile()).id;
    m_profiles.removeAt(index);
    makeDefault(defaultId);
    if (const QString error = save(previous); !error.isEmpty())
        return StoreResult<bool>::failure(error);
    Q_EMIT profilesChanged();
    return StoreResult<bool>::success(true);
}

StoreResult<bool> ProfileStore::setDefault(const QString &id) {
    if (indexOf(id) < 0)
        return StoreResult<bool>::failure(QCoreApplication::translate(
            "ica::ProfileStore", "This profile no longer exists: pick one from the list."));
    if (m_profiles.at(indexOf(id)).isDefault)
        return StoreResult<bool>::success(false);
    const QList<Profile> previous = m_profiles;
    makeDefault(id);
    if (const QString error = save(previous); !error.isEmpty())
        return StoreResult<bool>::failure(error);
    Q_EMIT profilesChanged();
    return StoreResult<bool>::success(true);
}

} // namespace ica
