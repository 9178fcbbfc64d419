#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace ica::sim {
struct SimulatorOptions;
}

namespace ica::app {

/// What the command line asked for.
struct AppOptions {
    bool demo = false;          ///< run the built-in simulator with a ready "Demo" profile
    QString profileName;        ///< --profile NAME: start with this profile
    QString openBatchId;        ///< --open-batch ID: open this batch in the monitor
    QString projectId;          ///< --project ID: the project of --open-batch / the composer
    QString screenshotDir;      ///< --screenshots DIR: render each main view to PNG and quit
    QString dataDir;            ///< --data-dir DIR: settings and database here (tests, demo)
    bool testControl = false;   ///< --test-control: driven through stdin (TestControl)
    bool quitWhenDrawn = false; ///< --quit-when-drawn: the startup benchmark (FirstPaintProbe)
    bool dark = false;          ///< --dark: Fusion with a dark palette for this run
    /// Tests only (no command-line option): adjusts the demo simulator's options
    /// before it starts (faults, token lifetime, speed).
    std::function<void(ica::sim::SimulatorOptions &)> demoSetup;

    /// Parses the application's arguments. On a usage error returns false with a
    /// message saying what is wrong and what to do.
    static bool parse(const QStringList &arguments, AppOptions *options, QString *error);
};

} // namespace ica::app
