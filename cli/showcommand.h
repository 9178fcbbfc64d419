#pragma once

#include "cli/command.h"

#include "core/api/apiresult.h"

namespace ica::cli {

/// Fetches one object (a batch, an item, a data item) and prints it.
template <typename T> class ShowCommand final : public Command {
public:
    using Fetch =
        std::function<ica::ApiCall *(ica::ApiClient *, QObject *, ica::ResultCallback<T>)>;

    ShowCommand(Fetch fetch, Record (*record)(const T &))
        : m_fetch(std::move(fetch))
        , m_record(record) {}

    void start() override {
        m_fetch(client(), this, [this](const ica::Result<T> &result) {
            if (!result.ok()) {
                finishWithApiError(result.error);
                return;
            }
            printer().printObject(result.value->toJson(), m_record(*result.value));
            finishSuccess();
        });
    }

private:
    Fetch m_fetch;
    Record (*m_record)(const T &);
};

} // namespace ica::cli
