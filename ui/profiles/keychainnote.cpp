#include "ui/profiles/keychainnote.h"

#include "core/store/secretstore.h"

namespace ica::ui {

KeychainNote::KeychainNote(QWidget *parent)
    : QLabel(parent) {
    setObjectName(QStringLiteral("keychainNote"));
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setToolTip(tr("Where the API keys and tokens of your profiles are kept"));
    hide();
}

void KeychainNote::setStore(SecretStore *store) {
    disconnect(m_connection);
    m_store = store;
    if (store)
        m_connection =
            connect(store, &SecretStore::persistenceChanged, this, &KeychainNote::refresh);
    refresh();
}

void KeychainNote::refresh() {
    const bool show = m_store && !m_store->isPersistent();
    setText(show ? m_store->persistenceNote() : QString());
    setVisible(show);
}

} // namespace ica::ui
