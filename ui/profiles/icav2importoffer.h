#pragma once

#include "core/store/icav2configimporter.h"

#include <functional>

class QObject;
class QWidget;

namespace ica {
class ProfileStore;
class Session;
} // namespace ica

namespace ica::ui {

class Icav2ImportDialog;

/// Offers, on the first start, to import the icav2 CLI's configuration
/// (~/.icav2/config.yaml and the ICAV2_* variables): only when no profile exists
/// yet and the CLI's files or variables gave something.
class Icav2ImportOffer final {
public:
    /// True when `profiles` is empty and `found` holds a server URL, key or token.
    [[nodiscard]] static bool shouldOffer(const ProfileStore &profiles, const Icav2Import &found);

    /// Runs `importer` on a worker thread (it reads files), then calls `ready` on
    /// `context`'s thread; dropped if `context` is destroyed first.
    static void find(const Icav2ConfigImporter &importer, QObject *context,
                     std::function<void(const Icav2Import &found)> ready);

    /// find(), then, when shouldOffer(), opens an Icav2ImportDialog over `parent`
    /// with open(). `opened` gets the dialog, or null when nothing is offered.
    static void offerAtStart(Session *session, QWidget *parent,
                             const Icav2ConfigImporter &importer = Icav2ConfigImporter(),
                             std::function<void(Icav2ImportDialog *dialog)> opened = {});
};

} // namespace ica::ui
