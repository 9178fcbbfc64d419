#include "ui/widgets/fieldhint.h"

namespace ica::ui {

FieldHint::FieldHint(QWidget *parent)
    : QLabel(parent) {
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void FieldHint::showHint(const QString &text, Tone tone) {
    if (text.isEmpty()) {
        clearHint();
        return;
    }
    setText(text);
    if (tone == Tone::Neutral)
        clearTextTone(this);
    else
        setTextTone(this, tone);
    show();
}

void FieldHint::clearHint() {
    clear();
    hide();
}

} // namespace ica::ui
