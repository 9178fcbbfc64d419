#pragma once

#include "simulator/authenticator.h"
#include "simulator/batchengine.h"
#include "simulator/datastore.h"
#include "simulator/paging.h"
#include "simulator/serializer.h"

namespace ica::sim {

/// What the endpoint classes share. Everything lives in the simulator's thread.
struct ApiContext {
    DataStore &store;
    BatchEngine &batches;
    Serializer &serializer;
    Pager &pager;
    Authenticator &auth;

    /// The project a path names; throws 404 if there is none.
    int requireProject(const QString &projectId) const {
        const int index = store.projectIndex(projectId);
        if (index < 0)
            throw ApiError::notFound(
                QStringLiteral("Project with id '%1' was not found.").arg(projectId));
        return index;
    }
};

} // namespace ica::sim
