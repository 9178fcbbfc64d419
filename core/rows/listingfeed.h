#pragma once

#include "core/rows/pagedloader.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <utility>

namespace ica {

class ApiCall;

/// What every owner of "a question plus its PagedLoader" shares, whatever its row
/// type (Q_OBJECT classes cannot be templates): the loading property and the
/// loader's progress relayed. See ListingFeed.
class ListingFeedBase : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListingFeedBase)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
public:
    ~ListingFeedBase() override;

    /// A page or a refresh is being read.
    [[nodiscard]] bool isLoading() const { return m_paging->isLoading(); }
    /// Stops what is in flight (a "load all", say); the rows loaded stay.
    void cancel() { m_paging->cancel(); }

    /// A page source's Cancel for an API call: cancels the call while it lives.
    [[nodiscard]] static std::function<void()> cancelling(ApiCall *call);

Q_SIGNALS:
    void loadingChanged(bool loading);
    /// An answer was applied to the model (first page, next page, refresh).
    void pageApplied();

protected:
    explicit ListingFeedBase(QObject *parent);
    /// Relays `paging`'s loadingChanged() and pageApplied() (called once, by ListingFeed).
    void relay(PagedLoaderBase *paging);

private:
    PagedLoaderBase *m_paging = nullptr;
};

/// Feeds a passive `Model` with the answers of one PagedLoader<Row>: the role of
/// KDE's KCoreDirLister beside its KDirModel (see core/rows/pagedloader.h). The
/// derived class owns the question (what is asked, the page source) and says what the
/// model does with each answer; the model is not owned, and the loader stops handing
/// it rows once it is gone.
template <typename Row, typename Model> class ListingFeed : public ListingFeedBase {
public:
    using Loader = PagedLoader<Row>;
    /// What the model does with rows (see PagedLoader::Sink); called only while the
    /// model lives.
    struct ModelSink {
        std::function<void(Model &, QList<Row>)> reset;
        std::function<void(Model &, QList<Row>)> append;
        std::function<void(Model &, RowPages<Row>)> applyDiff;
    };

    [[nodiscard]] Model *model() const { return m_model; }

protected:
    ListingFeed(Model *model, ModelSink sink, typename Loader::KeyOf keyOf, QObject *parent)
        : ListingFeedBase(parent)
        , m_model(model)
        , m_loader(typename Loader::Sink{guarded(std::move(sink.reset)),
                                         guarded(std::move(sink.append)),
                                         guarded(std::move(sink.applyDiff))},
                   std::move(keyOf)) {
        relay(&m_loader);
    }

    QPointer<Model> m_model;
    Loader m_loader;

private:
    /// `apply`, called only while the model lives; empty stays empty.
    template <typename Rows>
    std::function<void(Rows)> guarded(std::function<void(Model &, Rows)> apply) {
        if (!apply)
            return {};
        return [this, apply = std::move(apply)](Rows rows) {
            if (m_model)
                apply(*m_model, std::move(rows));
        };
    }
};

} // namespace ica
