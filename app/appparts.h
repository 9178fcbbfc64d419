#pragma once

// Forward declarations of the parts the app's start-up pieces (AppRunner,
// ScreenshotTour, TestControl) hand each other, so each header names them once.

namespace ica::sim {
class SimulatorThread;
}

namespace ica {
class LogFile;
class Session;
class StoreWorker;
} // namespace ica

namespace ica::ui {
class MainWindow;
}
