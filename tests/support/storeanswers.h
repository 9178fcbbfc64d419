#pragma once

// A StoreWorker's answers, waited for: for tests that need what is stored now.
#include "core/store/storeworker.h"

#include <QTest>

#include <optional>

namespace ica::test {

/// The draft `id` as stored, or nullopt (none, or no answer within 10 s).
inline std::optional<ica::Draft> storedDraft(ica::StoreWorker *store, const QString &id,
                                             QObject *context) {
    std::optional<std::optional<ica::Draft>> answer;
    store->loadDraft(id, context, [&](const ica::StoreResult<std::optional<ica::Draft>> &r) {
        answer = r.value;
    });
    if (!QTest::qWaitFor([&]() { return answer.has_value(); }, 10000))
        return std::nullopt;
    return *answer;
}

/// The batches stored for `profileId` (empty when no answer came within 10 s).
inline QList<ica::BatchRecord> storedBatches(ica::StoreWorker *store, const QString &profileId,
                                             QObject *context) {
    std::optional<QList<ica::BatchRecord>> answer;
    store->listBatches(profileId, context, [&](const ica::StoreResult<QList<ica::BatchRecord>> &r) {
        answer = r.value;
    });
    (void)QTest::qWaitFor([&]() { return answer.has_value(); }, 10000);
    return answer.value_or(QList<ica::BatchRecord>());
}

} // namespace ica::test
