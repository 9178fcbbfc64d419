#pragma once

// What the monitor's items table shows, without the table: a BatchItemsModel that
// QAbstractItemModelTester checks after every change, fed by an ItemsPager over the
// real client.
#include "core/monitor/batchitemsmodel.h"
#include "core/monitor/itemspager.h"

#include <QAbstractItemModelTester>

namespace ica::test {

struct PagerRig {
    explicit PagerRig(ica::ApiClient *client)
        : pager(client, &model) {}

    ica::BatchItemsModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
    ica::ItemsPager pager;
};

} // namespace ica::test
