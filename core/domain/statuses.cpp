#include "core/domain/statuses.h"

#include <array>
#include <utility>

namespace ica {

namespace {

template <typename Value, std::size_t N>
Value lookup(const std::array<std::pair<Value, QLatin1String>, N> &table, const QString &text,
             Value unknown) {
    for (const auto &[value, name] : table) {
        if (text == name)
            return value;
    }
    return unknown;
}

template <typename Value, std::size_t N>
QString nameOf(const std::array<std::pair<Value, QLatin1String>, N> &table, Value value) {
    for (const auto &[v, name] : table) {
        if (v == value)
            return QString(name);
    }
    return {};
}

const std::array<std::pair<JobStatus::Value, QLatin1String>, 7> jobNames{{
    {JobStatus::Initialized, QLatin1String("INITIALIZED")},
    {JobStatus::WaitingForResources, QLatin1String("WAITING_FOR_RESOURCES")},
    {JobStatus::Running, QLatin1String("RUNNING")},
    {JobStatus::Stopped, QLatin1String("STOPPED")},
    {JobStatus::Succeeded, QLatin1String("SUCCEEDED")},
    {JobStatus::PartiallySucceeded, QLatin1String("PARTIALLY_SUCCEEDED")},
    {JobStatus::Failed, QLatin1String("FAILED")},
}};

const std::array<std::pair<ItemStatus::Value, QLatin1String>, ItemStatus::KnownCount> itemNames{{
    {ItemStatus::Initialised, QLatin1String("INITIALISED")},
    {ItemStatus::WaitingResources, QLatin1String("WAITING_RESOURCES")},
    {ItemStatus::Updating, QLatin1String("UPDATING")},
    {ItemStatus::Updated, QLatin1String("UPDATED")},
    {ItemStatus::PartiallyUpdated, QLatin1String("PARTIALLY_UPDATED")},
    {ItemStatus::Failed, QLatin1String("FAILED")},
}};

} // namespace

JobStatus::JobStatus(Value value)
    : m_value(value) {}

JobStatus JobStatus::fromString(const QString &text) {
    JobStatus status(lookup(jobNames, text, Unknown));
    if (status.m_value == Unknown)
        status.m_raw = text;
    return status;
}

QString JobStatus::toString() const {
    return m_value == Unknown ? m_raw : nameOf(jobNames, m_value);
}

bool JobStatus::isTerminal() const {
    return m_value == Succeeded || m_value == PartiallySucceeded || m_value == Failed ||
           m_value == Stopped;
}

ItemStatus::ItemStatus(Value value)
    : m_value(value) {}

ItemStatus ItemStatus::fromString(const QString &text) {
    ItemStatus status(lookup(itemNames, text, Unknown));
    if (status.m_value == Unknown)
        status.m_raw = text;
    return status;
}

const ItemStatus::Value *ItemStatus::knownValues() {
    static const Value values[KnownCount] = {Initialised, WaitingResources, Updating,
                                             Updated,     PartiallyUpdated, Failed};
    return values;
}

QString ItemStatus::toString() const {
    return m_value == Unknown ? m_raw : nameOf(itemNames, m_value);
}

bool ItemStatus::isTerminal() const {
    return m_value == Updated || m_value == PartiallyUpdated || m_value == Failed;
}

} // namespace ica
