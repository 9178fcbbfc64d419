#include "app/appoptions.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace ica::app {

bool AppOptions::parse(const QStringList &arguments, AppOptions *options, QString *error) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "ICA Tagger: tag Illumina Connected Analytics data in bulk and watch the batches run."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Run the built-in ICA simulator on this computer "
                                                 "with a ready \"Demo\" profile: no ICA account "
                                                 "needed."));
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QStringLiteral("Start with the profile named <name>."),
                                     QStringLiteral("name"));
    const QCommandLineOption openBatch(QStringLiteral("open-batch"),
                                       QStringLiteral("Open the batch <id> in the monitor."),
                                       QStringLiteral("id"));
    const QCommandLineOption project(QStringLiteral("project"),
                                     QStringLiteral("The project of --open-batch (default: the "
                                                    "batch's project in the history, else the "
                                                    "profile's default project)."),
                                     QStringLiteral("id"));
    QCommandLineOption screenshots(QStringLiteral("screenshots"),
                                   QStringLiteral("Render each main view to a PNG in <dir>, "
                                                  "then quit."),
                                   QStringLiteral("dir"));
    QCommandLineOption dataDir(QStringLiteral("data-dir"),
                               QStringLiteral("Keep settings, history and drafts in <dir>."),
                               QStringLiteral("dir"));
    const QCommandLineOption dark(QStringLiteral("dark"),
                                  QStringLiteral("Use a dark palette for this run (View > Dark "
                                                 "Palette keeps it for every run)."));
    // For the crash tests only (see TestControl): hidden, so nobody meets it by chance.
    QCommandLineOption testControl(QStringLiteral("test-control"),
                                   QStringLiteral("Take test commands on stdin, report events on "
                                                  "stdout."));
    testControl.setFlags(QCommandLineOption::HiddenFromHelp);
    // For bench_startup only: hidden for the same reason.
    QCommandLineOption quitWhenDrawn(QStringLiteral("quit-when-drawn"),
                                     QStringLiteral("Print \"drawn\" and quit once the main "
                                                    "window is painted."));
    quitWhenDrawn.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({demo, profile, openBatch, project, screenshots, dataDir, dark, testControl,
                       quitWhenDrawn});
    if (!parser.parse(arguments)) {
        *error = parser.errorText() + QStringLiteral(" (see --help)");
        return false;
    }
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("version"))) {
        parser.process(arguments); // prints and exits
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("Unexpected argument \"%1\" (see --help).")
                     .arg(parser.positionalArguments().first());
        return false;
    }
    options->demo = parser.isSet(demo);
    options->profileName = parser.value(profile).trimmed();
    options->openBatchId = parser.value(openBatch).trimmed();
    options->projectId = parser.value(project).trimmed();
    options->screenshotDir = parser.value(screenshots);
    options->dataDir = parser.value(dataDir);
    options->testControl = parser.isSet(testControl);
    options->quitWhenDrawn = parser.isSet(quitWhenDrawn);
    options->dark = parser.isSet(dark);
    if (!options->screenshotDir.isEmpty() && !options->demo) {
        *error = QStringLiteral("--screenshots works with --demo only (it drives the built-in "
                                "simulator).");
        return false;
    }
    if (parser.isSet(profile) && options->profileName.isEmpty()) {
        *error = QStringLiteral("--profile needs a profile name.");
        return false;
    }
    static const QRegularExpression uuid(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    if (parser.isSet(openBatch) && !uuid.match(options->openBatchId).hasMatch()) {
        *error = QStringLiteral("--open-batch needs a batch ID like "
                                "0d6c7b0e-1111-4222-8333-444455556666 (got \"%1\").")
                     .arg(options->openBatchId);
        return false;
    }
    return true;
}

} // namespace ica::app
