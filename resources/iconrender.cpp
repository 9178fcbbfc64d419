// Build tool: renders the app's SVG icon to the PNG sizes a Linux desktop's hicolor
// theme looks for. Usage: ica-icon-render ICON.svg OUT_DIR NAME SIZE...
// writes OUT_DIR/<SIZE>x<SIZE>/apps/NAME.png. Qt's own SVG image plugin reads the
// file, so the build needs no SVG library of its own.
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>

#include <cstdio>

int main(int argc, char *argv[]) {
    // Offscreen: the tool runs during the build, where there may be no display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 5) {
        std::fprintf(stderr, "usage: ica-icon-render ICON.svg OUT_DIR NAME SIZE...\n");
        return 2;
    }
    for (const QString &sizeText : args.mid(4)) {
        bool ok = false;
        const int size = sizeText.toInt(&ok);
        if (!ok || size < 8 || size > 1024) {
            std::fprintf(stderr, "ica-icon-render: bad size %s\n", qPrintable(sizeText));
            return 2;
        }
        QImageReader reader(args.at(1));
        reader.setScaledSize(QSize(size, size));
        const QImage image = reader.read();
        if (image.isNull()) {
            std::fprintf(stderr, "ica-icon-render: cannot read %s: %s\n", qPrintable(args.at(1)),
                         qPrintable(reader.errorString()));
            return 1;
        }
        const QString dir = QStringLiteral("%1/%2x%2/apps").arg(args.at(2)).arg(size);
        if (!QDir().mkpath(dir) ||
            !image.save(QStringLiteral("%1/%2.png").arg(dir, args.at(3)), "PNG")) {
            std::fprintf(stderr, "ica-icon-render: cannot write into %s\n", qPrintable(dir));
            return 1;
        }
    }
    return 0;
}
