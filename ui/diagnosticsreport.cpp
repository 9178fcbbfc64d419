#include "ui/diagnosticsreport.h"

#include "core/diagnostics/logfile.h"
#include "core/session/session.h"

#include <QCoreApplication>
#include <QSysInfo>

namespace ica::ui {

QString diagnosticsReport(const Session *session, const LogFile *log) {
    QStringList lines;
    lines << QStringLiteral("ICA Tagger %1").arg(QCoreApplication::applicationVersion())
          << QStringLiteral("Qt %1 (built with %2)")
                 .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR))
          << QStringLiteral("System: %1, kernel %2 %3, %4")
                 .arg(QSysInfo::prettyProductName(), QSysInfo::kernelType(),
                      QSysInfo::kernelVersion(), QSysInfo::currentCpuArchitecture());
    const std::optional<Profile> profile = session ? session->currentProfile() : std::nullopt;
    if (profile) {
        lines << QStringLiteral("Profile: server %1, sign-in: %2%3")
                     .arg(profile->serverUrl, authKindLabel(profile->authKind),
                          profile->demo ? QStringLiteral(" (demo)") : QString());
        lines << QStringLiteral("Connected: %1")
                     .arg(session->client() ? QStringLiteral("yes") : QStringLiteral("no"));
    } else {
        lines << QStringLiteral("Profile: none");
    }
    if (log) {
        lines << QStringLiteral("Log: %1").arg(log->path());
        const QStringList problems = log->recentProblems();
        lines << QStringLiteral("Last warnings (%1):").arg(problems.size());
        for (const QString &problem : problems)
            lines << QStringLiteral("  ") + LogFile::masked(problem);
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace ica::ui
