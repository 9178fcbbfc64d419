#pragma once

#include "simulator/apimessage.h"
#include "simulator/model.h"

#include <QJsonObject>

#include <vector>

namespace ica::sim {

/// A validated CreateProjectDataUpdateBatch body.
struct CreateBatchRequest {
    std::vector<DataUpdate> groups;
    std::vector<QStringList> dataIds; ///< per group, as given
    int totalDataIds = 0;
};

/// Validates request bodies the way ICA does and reports where they are wrong.
class BatchRequestParser {
public:
    static constexpr int kMaxDataIds = 100000;

    /// Checks the content type (415) and parses the JSON object (400 naming line/column).
    static QJsonObject parseJsonBody(const ApiRequest &request);

    /// Validates a CreateProjectDataUpdateBatch; throws ApiError (400) naming the field.
    /// Whether ids exist (and are folders) is for the caller to check.
    static CreateBatchRequest parseCreateBatch(const QJsonObject &body);
};

} // namespace ica::sim
