#include "ui/style/tones.h"

#include "ui/style/palettefollower.h"

#include <QWidget>

#include <cmath>

namespace ica::ui {

namespace {

constexpr char ToneProperty[] = "icaTextTone";

/// The starting shades: one for light palettes, one for dark ones.
struct Shades {
    QRgb onLight;
    QRgb onDark;
};

Shades shadesOf(Tone tone) {
    switch (tone) {
    case Tone::Active:
        return {0x1565c0, 0x8ab4f8};
    case Tone::Success:
        return {0x2e7d32, 0x81c995};
    case Tone::Warning:
        return {0x8a5a00, 0xfdd663};
    case Tone::Error:
        return {0xc62828, 0xf28b82};
    case Tone::Neutral:
        break;
    }
    return {0x5f6368, 0xb0b3b8};
}

double channel(double c) {
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &color) {
    const QColor rgb = color.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) +
           0.0722 * channel(rgb.blueF());
}

void applyTone(QWidget *label) {
    const QVariant tone = label->property(ToneProperty);
    QPalette palette = label->palette();
    if (!tone.isValid()) {
        // Only the roles this code set go back to the inherited ones.
        palette.setResolveMask(palette.resolveMask() &
                               ~(QPalette::ResolveMask(1) << QPalette::WindowText));
        label->setPalette(palette);
        return;
    }
    const QColor color = toneColor(Tone(tone.toInt()), palette);
    if (palette.color(QPalette::WindowText) == color &&
        (palette.resolveMask() & (QPalette::ResolveMask(1) << QPalette::WindowText)))
        return;
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

} // namespace

StatusKind statusKind(const JobStatus &status) {
    switch (status.value()) {
    case JobStatus::Initialized:
    case JobStatus::WaitingForResources:
        return StatusKind::Queued;
    case JobStatus::Running:
        return StatusKind::Running;
    case JobStatus::Succeeded:
        return StatusKind::Succeeded;
    case JobStatus::PartiallySucceeded:
        return StatusKind::Partial;
    case JobStatus::Failed:
        return StatusKind::Failed;
    case JobStatus::Stopped:
        return StatusKind::Stopped;
    case JobStatus::Unknown:
        break;
    }
    return StatusKind::Unknown;
}

StatusKind statusKind(ItemStatus::Value status) {
    switch (status) {
    case ItemStatus::Initialised:
    case ItemStatus::WaitingResources:
        return StatusKind::Queued;
    case ItemStatus::Updating:
        return StatusKind::Running;
    case ItemStatus::Updated:
        return StatusKind::Succeeded;
    case ItemStatus::PartiallyUpdated:
        return StatusKind::Partial;
    case ItemStatus::Failed:
        return StatusKind::Failed;
    case ItemStatus::Unknown:
        break;
    }
    return StatusKind::Unknown;
}

Tone toneOf(StatusKind kind) {
    switch (kind) {
    case StatusKind::Queued:
    case StatusKind::Running:
        return Tone::Active;
    case StatusKind::Succeeded:
        return Tone::Success;
    case StatusKind::Partial:
        return Tone::Warning;
    case StatusKind::Failed:
    case StatusKind::Stopped:
        return Tone::Error;
    case StatusKind::Unknown:
        break;
    }
    return Tone::Neutral;
}

bool isDarkPalette(const QPalette &palette) {
    return luminance(palette.color(QPalette::Window)) <
           luminance(palette.color(QPalette::WindowText));
}

double contrastRatio(const QColor &a, const QColor &b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor toneColor(Tone tone, const QPalette &palette) {
    const bool dark = isDarkPalette(palette);
    const Shades shades = shadesOf(tone);
    QColor color = QColor::fromRgb(dark ? shades.onDark : shades.onLight);
    const QColor window = palette.color(QPalette::Window);
    const QColor base = palette.color(QPalette::Base);
    // A custom palette (a grey window, a tinted base) may need a stronger shade:
    // step away from the background until the text reads. Bounded: ten steps reach
    // black or white from any start.
    for (int step = 0; step < 10; ++step) {
        if (contrastRatio(color, window) >= MinimumContrast &&
            contrastRatio(color, base) >= MinimumContrast)
            break;
        color = dark ? color.lighter(115) : color.darker(125);
    }
    return color;
}

void setTextTone(QWidget *label, Tone tone) {
    label->setProperty(ToneProperty, int(tone));
    if (!label->findChild<PaletteFollower *>(QString(), Qt::FindDirectChildrenOnly))
        new PaletteFollower(label, [label]() { applyTone(label); });
    applyTone(label);
}

void clearTextTone(QWidget *label) {
    if (!label->property(ToneProperty).isValid())
        return;
    label->setProperty(ToneProperty, QVariant());
    applyTone(label);
}

} // namespace ica::ui
