#include "ui/profiles/icav2importoffer.h"

#include "ui/profiles/icav2importdialog.h"

#include "core/rows/offthread.h"
#include "core/session/session.h"
#include "core/store/profilestore.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace ica::ui {

bool Icav2ImportOffer::shouldOffer(const ProfileStore &profiles, const Icav2Import &found) {
    return profiles.profiles().isEmpty() && found.foundAnything();
}

void Icav2ImportOffer::find(const Icav2ConfigImporter &importer, QObject *context,
                            std::function<void(const Icav2Import &found)> ready) {
    // Off the GUI thread: it reads files in the home folder, which may be slow
    // (a network home directory).
    runOffThread(
        context, [importer] { return importer.run(); },
        [ready = std::move(ready)](const Icav2Import &found) {
            if (ready)
                ready(found);
        });
}

void Icav2ImportOffer::offerAtStart(Session *session, QWidget *parent,
                                    const Icav2ConfigImporter &importer,
                                    std::function<void(Icav2ImportDialog *dialog)> opened) {
    if (!session) {
        if (opened)
            opened(nullptr);
        return;
    }
    QPointer<Session> guard(session);
    QObject *context = parent ? static_cast<QObject *>(parent) : session;
    if (!session->profileStore()->profiles().isEmpty()) {
        // Not the first start: leave the icav2 files unread.
        QTimer::singleShot(0, context, [opened] {
            if (opened)
                opened(nullptr);
        });
        return;
    }
    find(importer, context, [guard, parent, opened](const Icav2Import &found) {
        Icav2ImportDialog *dialog = nullptr;
        if (guard && shouldOffer(*guard->profileStore(), found)) {
            dialog = new Icav2ImportDialog(guard, found, parent);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        }
        if (opened)
            opened(dialog);
    });
}

} // namespace ica::ui
