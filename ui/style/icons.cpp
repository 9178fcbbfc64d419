#include "ui/style/icons.h"

#include "ui/style/palettefollower.h"

#include <QAbstractButton>
#include <QBuffer>
#include <QFile>
#include <QHash>
#include <QImageReader>
#include <QPixmap>

namespace ica::ui {

namespace {

QString statusFile(StatusKind kind) {
    switch (kind) {
    case StatusKind::Queued:
        return QStringLiteral("status-queued");
    case StatusKind::Running:
        return QStringLiteral("status-running");
    case StatusKind::Succeeded:
        return QStringLiteral("status-succeeded");
    case StatusKind::Partial:
        return QStringLiteral("status-partial");
    case StatusKind::Failed:
        return QStringLiteral("status-failed");
    case StatusKind::Stopped:
        return QStringLiteral("status-stopped");
    case StatusKind::Unknown:
        break;
    }
    return QStringLiteral("status-unknown");
}

QString severityFile(Tone tone) {
    switch (tone) {
    case Tone::Error:
        return QStringLiteral("status-failed");
    case Tone::Warning:
        return QStringLiteral("severity-warning");
    case Tone::Success:
        return QStringLiteral("status-succeeded");
    case Tone::Active:
    case Tone::Neutral:
        break;
    }
    return QStringLiteral("severity-info");
}

QString actionFile(ActionIcon action) {
    switch (action) {
    case ActionIcon::Back:
        return QStringLiteral("action-back");
    case ActionIcon::Forward:
        return QStringLiteral("action-forward");
    case ActionIcon::Up:
        return QStringLiteral("action-up");
    case ActionIcon::Reload:
        return QStringLiteral("action-reload");
    case ActionIcon::Copy:
        return QStringLiteral("action-copy");
    case ActionIcon::Delete:
        return QStringLiteral("action-delete");
    case ActionIcon::Remove:
        return QStringLiteral("action-remove");
    case ActionIcon::Close:
        break;
    }
    return QStringLiteral("action-close");
}

QString resourcePath(const QString &name) {
    return QStringLiteral(":/icons/ui/%1.svg").arg(name);
}

/// The SVG with its two colour keywords filled in.
QByteArray tinted(const QString &name, const QColor &ink, const QColor &canvas) {
    static QHash<QString, QByteArray> sources;
    auto found = sources.find(name);
    if (found == sources.end()) {
        QFile file(resourcePath(name));
        found =
            sources.insert(name, file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray());
    }
    QByteArray svg = *found;
    svg.replace("currentColor", ink.name().toLatin1());
    svg.replace("Canvas", canvas.name().toLatin1());
    return svg;
}

QPixmap render(const QByteArray &svg, int size) {
    // Qt's SVG image plugin (as resources/iconrender.cpp): no SVG library to link.
    QBuffer buffer;
    buffer.setData(svg);
    QImageReader reader(&buffer, "svg");
    reader.setScaledSize(QSize(size, size));
    return QPixmap::fromImage(reader.read());
}

QIcon makeIcon(const QString &name, const QColor &ink, const QColor &canvas,
               const QColor &disabledInk) {
    static QHash<QString, QIcon> cache;
    const QString key = QStringLiteral("%1|%2|%3|%4")
                            .arg(name, ink.name(QColor::HexArgb), canvas.name(QColor::HexArgb),
                                 disabledInk.name(QColor::HexArgb));
    const auto found = cache.constFind(key);
    if (found != cache.cend())
        return *found;
    QIcon icon;
    const QByteArray normal = tinted(name, ink, canvas);
    const QByteArray disabled =
        disabledInk.isValid() ? tinted(name, disabledInk, canvas) : QByteArray();
    for (const int size : {16, 24, 32, 48}) {
        icon.addPixmap(render(normal, size), QIcon::Normal);
        if (!disabled.isEmpty())
            icon.addPixmap(render(disabled, size), QIcon::Disabled);
    }
    cache.insert(key, icon);
    return icon;
}

} // namespace

QIcon statusIcon(StatusKind kind, const QPalette &palette) {
    return makeIcon(statusFile(kind), toneColor(toneOf(kind), palette),
                    palette.color(QPalette::Base), QColor());
}

QIcon severityIcon(Tone tone, const QPalette &palette) {
    return makeIcon(severityFile(tone), toneColor(tone, palette), palette.color(QPalette::Base),
                    QColor());
}

QIcon actionIcon(ActionIcon action, const QPalette &palette) {
    return makeIcon(actionFile(action), palette.color(QPalette::Active, QPalette::ButtonText),
                    palette.color(QPalette::Button),
                    palette.color(QPalette::Disabled, QPalette::ButtonText));
}

void setActionIcon(QAbstractButton *button, ActionIcon action) {
    PaletteFollower::follow(
        button, [button, action]() { button->setIcon(actionIcon(action, button->palette())); });
}

QStringList iconResourcePaths() {
    QStringList paths;
    for (const StatusKind kind :
         {StatusKind::Unknown, StatusKind::Queued, StatusKind::Running, StatusKind::Succeeded,
          StatusKind::Partial, StatusKind::Failed, StatusKind::Stopped})
        paths.append(resourcePath(statusFile(kind)));
    for (const Tone tone : {Tone::Warning, Tone::Active})
        paths.append(resourcePath(severityFile(tone)));
    for (const ActionIcon action :
         {ActionIcon::Back, ActionIcon::Forward, ActionIcon::Up, ActionIcon::Reload,
          ActionIcon::Copy, ActionIcon::Delete, ActionIcon::Remove, ActionIcon::Close})
        paths.append(resourcePath(actionFile(action)));
    return paths;
}

} // namespace ica::ui
