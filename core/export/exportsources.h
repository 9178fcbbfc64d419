#pragma once

#include "core/api/queries.h"
#include "core/export/listingexport.h"

#include <QString>

namespace ica {

class ApiClient;
class DataLister;

/// What the monitor exports: a batch's items, all or those of some statuses, in
/// the server's order (cursor paging: complete and unique) or, with `sort` (the
/// v2 sort parameter the view uses), sorted (offset paging, repeats dropped).
struct ItemsExportQuestion {
    QString projectId;
    QString batchId;
    QList<ItemStatus> statuses; ///< empty: every status
    QString sort;
    int pageSize = 1000;
};

/// Starts `job` exporting a batch's items to `path` (CSV or JSON by its extension).
void startItemsExport(ListingExport *job, ApiClient *client, const ItemsExportQuestion &question,
                      const QString &path);

/// What the browser exports: the listing a DataLister shows (its project, folder,
/// filter and sort), every page of it.
struct DataExportQuestion {
    QString projectId;
    QString folderPath;
    DataQuery query;               ///< page ignored
    bool recursiveListing = false; ///< the listed folder itself is left out
    int pageSize = 1000;

    /// The question `lister` shows now.
    static DataExportQuestion of(const DataLister &lister);
};

/// Starts `job` exporting a data listing to `path` (CSV or JSON by its extension).
void startDataExport(ListingExport *job, ApiClient *client, const DataExportQuestion &question,
                     const QString &path);

} // namespace ica
