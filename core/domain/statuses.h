#pragma once

#include <QString>

namespace ica {

/// Status of a batch's job. ICA spells these with a Z (INITIALIZED) and uses
/// WAITING_FOR_RESOURCES; item statuses use other spellings (see ItemStatus).
/// A value this client does not know is kept as Unknown with its raw text.
class JobStatus final {
public:
    enum Value {
        Unknown,
        Initialized,
        WaitingForResources,
        Running,
        Stopped,
        Succeeded,
        PartiallySucceeded,
        Failed,
    };

    JobStatus() = default;
    JobStatus(Value value); // NOLINT(google-explicit-constructor): enum-like value type
    static JobStatus fromString(const QString &text);

    [[nodiscard]] Value value() const { return m_value; }
    /// The API's spelling; the raw text for an unknown status.
    [[nodiscard]] QString toString() const;
    /// SUCCEEDED, PARTIALLY_SUCCEEDED, FAILED or STOPPED: nothing will change any more.
    [[nodiscard]] bool isTerminal() const;
    [[nodiscard]] bool isKnown() const { return m_value != Unknown; }

    friend bool operator==(const JobStatus &a, const JobStatus &b) {
        return a.m_value == b.m_value && a.m_raw == b.m_raw;
    }
    friend bool operator!=(const JobStatus &a, const JobStatus &b) { return !(a == b); }

private:
    Value m_value = Unknown;
    QString m_raw; // only for Unknown
};

/// Status of one batch item: INITIALISED (with an S), WAITING_RESOURCES, UPDATING,
/// UPDATED, PARTIALLY_UPDATED, FAILED. Unknown keeps the raw text.
class ItemStatus final {
public:
    enum Value {
        Unknown,
        Initialised,
        WaitingResources,
        Updating,
        Updated,
        PartiallyUpdated,
        Failed,
    };
    static constexpr int KnownCount = 6;

    ItemStatus() = default;
    ItemStatus(Value value); // NOLINT(google-explicit-constructor)
    static ItemStatus fromString(const QString &text);
    /// The known statuses in lifecycle order.
    static const Value *knownValues();

    [[nodiscard]] Value value() const { return m_value; }
    [[nodiscard]] QString toString() const;
    /// UPDATED, PARTIALLY_UPDATED or FAILED.
    [[nodiscard]] bool isTerminal() const;
    [[nodiscard]] bool isKnown() const { return m_value != Unknown; }

    friend bool operator==(const ItemStatus &a, const ItemStatus &b) {
        return a.m_value == b.m_value && a.m_raw == b.m_raw;
    }
    friend bool operator!=(const ItemStatus &a, const ItemStatus &b) { return !(a == b); }

private:
    Value m_value = Unknown;
    QString m_raw;
};

} // namespace ica
