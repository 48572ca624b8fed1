// Measures what issue 5's "Done when" claims (not a test: it prints numbers): a 100,000-event
// run (a Choice loop of 25,000 rounds, 4 events a round, virtual time) in the designer window,
// offscreen, while a 10 ms timer scrolls the History panel and repaints it and the canvas. It
// prints the run time, the timer's ticks and its gaps (the longest is the UI's worst stall).
// With --look DIR it saves the window instead: paused in the middle of a real-clock Wait, and
// in the middle of the long run.
//   QT_QPA_PLATFORM=offscreen bench_debug_window [--look /tmp/stepwise-h2]
#include "tst_debug_support.h"

#include "ui/MainWindow.h"
#include "ui/canvas/CanvasView.h"
#include "ui/debug/DebugController.h"
#include "ui/debug/HistoryPanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace stepwise;
using namespace stepwise::ui;

namespace {

QString writeMachine(const QTemporaryDir &dir, const char *name, const Json &definition)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(QByteArray::fromStdString(definition.dump(2)));
    return path;
}

Json waitMachine()
{
    return Json::parse(R"json({
      "StartAt": "Prepare",
      "States": {
        "Prepare": { "Type": "Pass", "Result": {"order": 42}, "Next": "WaitForCourier" },
        "WaitForCourier": { "Type": "Wait", "Seconds": 30, "Next": "Ship" },
        "Ship": { "Type": "Pass", "End": true }
      }
    })json");
}

int measureLongRun(MainWindow &window, const QTemporaryDir &dir)
{
    if (!window.openFile(writeMachine(dir, "loop.asl.json", debugtest::loopMachine(25000)), true))
        return 1;
    DebugController *debugger = window.debugger();
    RunConfig config;
    config.maxHistoryEvents = 1000000;
    debugger->setRunConfig(config);
    QTableView *history = window.findChild<HistoryPanel *>()->table();

    std::vector<qint64> gaps;
    QElapsedTimer sinceTick;
    qint64 workMs = 0;
    int direction = 1;
    QTimer ticker;
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] {
        gaps.push_back(sinceTick.restart());
        QElapsedTimer work;
        work.start();
        // A user scrolling the history page by page while the canvas repaints.
        QScrollBar *bar = history->verticalScrollBar();
        if (bar->value() >= bar->maximum() || bar->value() <= bar->minimum())
            direction = -direction;
        bar->setValue(bar->value() + direction * bar->pageStep());
        history->viewport()->repaint();
        window.view()->viewport()->repaint();
        workMs += work.elapsed();
    });
    QElapsedTimer run;
    run.start();
    sinceTick.start();
    ticker.start();
    if (!debugger->start())
        return 1;
    if (!debugtest::waitUntilStopped(*debugger, 600000))
        return 1;
    const qint64 runMs = run.elapsed();
    ticker.stop();
    std::vector<qint64> sorted = gaps;
    std::sort(sorted.begin(), sorted.end());
    auto percentile = [&](double p) {
        return sorted.empty()
                   ? 0
                   : sorted[static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1))];
    };
    std::printf("events: %zu, run: %lld ms (%.0f events/s), history rows: %d\n",
                debugger->history()->size(), static_cast<long long>(runMs),
                1000.0 * static_cast<double>(debugger->history()->size())
                    / static_cast<double>(std::max<qint64>(1, runMs)),
                history->model()->rowCount());
    std::printf("10 ms timer: %zu ticks (ideal %lld), gap median %lld ms, p99 %lld ms, max %lld "
                "ms; scroll+repaint work %lld ms in total\n",
                gaps.size(), static_cast<long long>(runMs / 10),
                static_cast<long long>(percentile(0.5)), static_cast<long long>(percentile(0.99)),
                static_cast<long long>(percentile(1.0)), static_cast<long long>(workMs));
    return 0;
}

bool save(MainWindow &window, const QString &path)
{
    const bool saved = window.grab().save(path);
    std::printf("%s %s\n", saved ? "saved" : "could not save", qPrintable(path));
    return saved;
}

int lookAtPausedRealClockRun(MainWindow &window, const QTemporaryDir &dir, const QString &out)
{
    if (!window.openFile(writeMachine(dir, "courier.asl.json", waitMachine()), true))
        return 1;
    DebugController *debugger = window.debugger();
    RunConfig config;
    config.clock = engine::ClockMode::Real;
    debugger->setRunConfig(config);
    if (!debugger->start())
        return 1;
    QTest::qWait(1500);
    debugger->pause();
    QTest::qWait(300);
    const bool saved = save(window, out + QStringLiteral("/paused-real-clock-wait.png"));
    debugger->stop();
    return saved ? 0 : 1;
}

// The window in the middle of the 100,000-event loop: progress, the followed history, the canvas.
int lookAtLongRun(MainWindow &window, const QTemporaryDir &dir, const QString &out)
{
    if (!window.openFile(writeMachine(dir, "loop.asl.json", debugtest::loopMachine(25000)), true))
        return 1;
    DebugController *debugger = window.debugger();
    RunConfig config;
    config.maxHistoryEvents = 1000000;
    debugger->setRunConfig(config);
    if (!debugger->start())
        return 1;
    QTest::qWait(1200);
    const bool saved = save(window, out + QStringLiteral("/long-run-in-progress.png"));
    debugger->stop();
    return saved ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTemporaryDir dir;
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QTest::qWait(200);
    const QStringList args = app.arguments();
    const int look = static_cast<int>(args.indexOf(QStringLiteral("--look")));
    if (look > 0 && look + 1 < args.size())
        return lookAtPausedRealClockRun(window, dir, args[look + 1])
               | lookAtLongRun(window, dir, args[look + 1]);
    return measureLongRun(window, dir);
}
