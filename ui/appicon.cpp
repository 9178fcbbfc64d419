#include "ui/appicon.h"

namespace ica::ui {

QIcon appIcon() {
    return QIcon::fromTheme(AppId, QIcon(QStringLiteral(":/icons/%1.svg").arg(AppId)));
}

} // namespace ica::ui
