// stepwise: the designer. `stepwise [FILE]` opens a window; `--screenshot OUT.png` renders the
// window to a picture and exits (for headless checks, with QT_QPA_PLATFORM=offscreen).
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Stepwise"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Stepwise: a studio for AWS Step Functions."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("State machine to open."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Render the window to <png> and exit."),
                                        QStringLiteral("png"));
    parser.addOption(screenshot);
    parser.process(app);

    stepwise::ui::MainWindow window;
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
    }
    return app.exec();
}
