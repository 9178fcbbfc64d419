#pragma once

// Waiting for a browser listing in tests.
#include "core/browser/databrowsermodel.h"
#include "core/browser/datalister.h"

#include <QAbstractItemModelTester>
#include <QTest>

namespace ica::test {

/// How long a browser test waits for the simulator's answers.
constexpr int BrowserTimeout = 30000;

/// Reads pages until the model of `lister` has every row (false when the time is up).
inline bool loadAllRows(ica::DataLister &lister, int timeoutMs = BrowserTimeout) {
    return QTest::qWaitFor(
        [&lister]() {
            if (lister.canFetchMore())
                lister.fetchMore();
            return lister.isComplete() && !lister.isLoading() && lister.model()->isSettled();
        },
        timeoutMs);
}

/// A DataBrowserModel fed by a DataLister on `client`, checked by a model tester
/// while it lives: the browser tests' usual rig.
struct ListingRig {
    explicit ListingRig(ica::ApiClient *client)
        : lister(client, &model) {}
    /// Shows a folder of a project and reads every page of it; false on timeout.
    bool show(const QString &projectId, const QString &folderPath) {
        lister.setLocation(projectId, folderPath);
        return loadAllRows(lister);
    }
    ica::DataBrowserModel model;
    ica::DataLister lister;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
};

} // namespace ica::test
