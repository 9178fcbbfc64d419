#include "core/rows/listingfeed.h"

#include "core/api/apicall.h"

namespace ica {

ListingFeedBase::ListingFeedBase(QObject *parent)
    : QObject(parent) {}

ListingFeedBase::~ListingFeedBase() = default;

void ListingFeedBase::relay(PagedLoaderBase *paging) {
    m_paging = paging;
    connect(paging, &PagedLoaderBase::loadingChanged, this, &ListingFeedBase::loadingChanged);
    connect(paging, &PagedLoaderBase::pageApplied, this, &ListingFeedBase::pageApplied);
}

std::function<void()> ListingFeedBase::cancelling(ApiCall *call) {
    return [call = QPointer<ApiCall>(call)]() {
        if (call)
            call->cancel();
    };
}

} // namespace ica
