#pragma once

#include <QStringList>

namespace ica::cli {

/// Runs icatag in the QCoreApplication's event loop on the process's stdout,
/// stderr and environment; returns the exit code for main(). Needs a
/// QCoreApplication.
int runMain(const QStringList &arguments);

} // namespace ica::cli
