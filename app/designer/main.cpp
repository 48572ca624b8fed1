// stepwise: the designer. `stepwise [FILE]` opens a window; `--screenshot OUT.png` renders the
// window to a picture and exits; `--render FILE -o OUT.png|OUT.svg` draws the diagram alone
// without a window (both headless with QT_QPA_PLATFORM=offscreen). After a crash, the next start
// offers the unsaved work back.
#include "ui/MainWindow.h"
#include "ui/canvas/CanvasRender.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>

namespace {

int render(const QCommandLineParser &parser, const QCommandLineOption &output)
{
    const QString in = parser.value(QStringLiteral("render"));
    const QString out = parser.value(output);
    if (out.isEmpty()) {
        std::fprintf(stderr, "stepwise: --render needs -o OUT.png or OUT.svg\n");
        return 2;
    }
    QString error;
    if (!stepwise::ui::renderFile(in, out, error)) {
        std::fprintf(stderr, "stepwise: %s\n", qPrintable(error));
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    // Crisp at fractional scale factors (125 %, 150 %): no rounding of the device pixel ratio.
    QGuiApplication::setHighDpiScaleFactorRoundingPolicy(
        Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Stepwise"));
    QApplication::setOrganizationName(QStringLiteral("Stepwise"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Stepwise: a studio for AWS Step Functions."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("State machine to open."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Render the window to <png> and exit."),
                                        QStringLiteral("png"));
    const QCommandLineOption renderOption(QStringLiteral("render"),
                                          QStringLiteral("Draw the diagram of <file> and exit."),
                                          QStringLiteral("file"));
    const QCommandLineOption output(
        QStringList{QStringLiteral("o"), QStringLiteral("output")},
        QStringLiteral("Picture to write with --render (.png or .svg)."), QStringLiteral("out"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("Window size as <WxH>, e.g. 1400x900."),
                                  QStringLiteral("WxH"));
    parser.addOption(size);
    parser.addOption(screenshot);
    parser.addOption(renderOption);
    parser.addOption(output);
    parser.process(app);

    if (parser.isSet(renderOption))
        return render(parser, output);

    stepwise::ui::MainWindow window;
    if (parser.isSet(size)) {
        const QStringList parts = parser.value(size).split(QLatin1Char('x'));
        const int width = parts.value(0).toInt();
        const int height = parts.size() == 2 ? parts.value(1).toInt() : 0;
        if (width < 200 || height < 200) {
            std::fprintf(stderr, "stepwise: --size needs WxH, e.g. 1400x900\n");
            return 2;
        }
        window.resize(width, height);
    }
    const QStringList files = parser.positionalArguments();
    if (!files.isEmpty())
        window.openFile(files.first(), parser.isSet(screenshot));
    window.show();

    if (parser.isSet(screenshot)) {
        const QString out = parser.value(screenshot);
        QTimer::singleShot(200, &window, [&window, out] {
            const bool saved = window.grab().save(out);
            QApplication::exit(saved ? 0 : 1);
        });
    } else {
        // Unsaved work a crashed session left behind is offered back once the window is up.
        QTimer::singleShot(0, &window, [&window] { window.offerRecovery(); });
    }
    return app.exec();
}
