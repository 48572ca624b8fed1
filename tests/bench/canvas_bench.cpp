// Designer benchmark (not a timed test): a generated 500-state machine with nested Parallel and
// Map states is parsed, projected, laid out by Graphviz, validated and shown on the canvas.
// Prints the time of each step; the budget is under one second in total.
#include "core/asl/Parser.h"
#include "ui/CanvasController.h"
#include "ui/canvas/CanvasScene.h"
#include "ui/canvas/CanvasView.h"
#include "ui/document/Document.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>

#include <cstdio>

using stepwise::Json;

namespace {

Json task(const std::string &next)
{
    Json state{{"Type", "Task"}, {"Resource", "arn:aws:states:::lambda:invoke"}};
    state["Parameters"] = Json{{"FunctionName", "Work"}};
    if (next.empty())
        state["End"] = true;
    else
        state["Next"] = next;
    return state;
}

Json pass(const std::string &next)
{
    return next.empty() ? Json{{"Type", "Pass"}, {"End", true}}
                        : Json{{"Type", "Pass"}, {"Next", next}};
}

// Task → Map(Pass → Task) → Pass, inside one Parallel branch.
Json branch(const std::string &prefix)
{
    Json processor{{"ProcessorConfig", {{"Mode", "INLINE"}}}, {"StartAt", prefix + "Item"}};
    processor["States"] =
        Json{{prefix + "Item", pass(prefix + "ItemWork")}, {prefix + "ItemWork", task("")}};
    Json map{{"Type", "Map"},
             {"ItemsPath", "$.items"},
             {"ItemProcessor", processor},
             {"Next", prefix + "Join"}};
    Json states{{prefix + "Prepare", task(prefix + "Map")},
                {prefix + "Map", map},
                {prefix + "Join", pass("")}};
    return Json{{"StartAt", prefix + "Prepare"}, {"States", states}};
}

// 24 blocks of 21 states: Task, Choice (two ways), Pass, Pass, Parallel of three branches, Wait.
std::string generate(int blocks)
{
    Json states = Json::object();
    for (int b = 0; b < blocks; ++b) {
        const std::string p = "B" + std::to_string(b) + "_";
        const std::string after = b + 1 < blocks ? "B" + std::to_string(b + 1) + "_Task" : "";
        states[p + "Task"] = task(p + "Choice");
        states[p + "Choice"] =
            Json{{"Type", "Choice"},
                 {"Choices",
                  Json::array(
                      {Json{{"Variable", "$.n"}, {"NumericGreaterThan", b}, {"Next", p + "Alt"}}})},
                 {"Default", p + "Main"}};
        states[p + "Alt"] = pass(p + "Fan");
        states[p + "Main"] = pass(p + "Fan");
        Json branches = Json::array();
        for (int i = 0; i < 3; ++i)
            branches.push_back(branch(p + "b" + std::to_string(i) + "_"));
        states[p + "Fan"] =
            Json{{"Type", "Parallel"}, {"Branches", branches}, {"Next", p + "Wait"}};
        states[p + "Wait"] = after.empty()
                                 ? Json{{"Type", "Wait"}, {"Seconds", 1}, {"End", true}}
                                 : Json{{"Type", "Wait"}, {"Seconds", 1}, {"Next", after}};
    }
    return Json{{"StartAt", "B0_Task"}, {"States", states}}.dump();
}

// Average time of one repaint after `change`, over `frames` frames.
template <typename Change> double frameMs(stepwise::ui::CanvasView &view, int frames, Change change)
{
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < frames; ++i) {
        change(i);
        view.viewport()->repaint();
    }
    return static_cast<double>(timer.nsecsElapsed()) / 1e6 / frames;
}

void measurePanAndZoom(stepwise::ui::CanvasView &view)
{
    constexpr int Frames = 30;
    auto pan = [&view](int i) {
        QScrollBar *bar = view.horizontalScrollBar();
        bar->setValue(bar->value() + (i % 10 < 5 ? 40 : -40));
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->value() + (i % 2 ? 15 : -15));
    };
    view.fitToView();
    const double panFit = frameMs(view, Frames, pan);
    view.resetZoom();
    view.centerOn(view.scene()->itemsBoundingRect().center());
    const double pan100 = frameMs(view, Frames, pan);
    view.fitToView();
    const double zoom =
        frameMs(view, Frames, [&view](int i) { view.zoomBy(i < Frames / 2 ? 1.1 : 1 / 1.1); });
    std::printf("pan frame, whole machine in view: %.1f ms\npan frame at 100%%: %.1f ms\n"
                "zoom step frame: %.1f ms\n",
                panFit, pan100, zoom);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const std::string text = generate(24);
    QElapsedTimer total;
    total.start();
    QElapsedTimer step;
    step.start();
    auto machine = stepwise::asl::parse(text);
    if (!machine) {
        std::fprintf(stderr, "generated machine does not parse\n");
        return 1;
    }
    const qint64 parseMs = step.restart();
    stepwise::ui::Document document;
    document.reset(std::move(machine).value(), {}, QStringLiteral("bench.asl.json"));
    const qint64 documentMs = step.restart();
    stepwise::ui::CanvasScene scene(stepwise::ui::CanvasStyle::light());
    stepwise::ui::CanvasController controller(&document, &scene);
    stepwise::ui::CanvasView view;
    view.setScene(&scene);
    view.resize(1400, 900);
    view.show();
    view.fitToView();
    QApplication::processEvents();
    const qint64 showMs = step.restart();
    std::printf("states: %zu nodes, %zu edges\n", document.graph().nodes.size(),
                document.graph().edges.size());
    std::printf("parse: %lld ms\nproject + auto-layout + validate: %lld ms\ncanvas + first paint: "
                "%lld ms\n",
                static_cast<long long>(parseMs), static_cast<long long>(documentMs),
                static_cast<long long>(showMs));
    std::printf("total (open, lay out, show): %lld ms\n", static_cast<long long>(total.elapsed()));
    measurePanAndZoom(view);
    return 0;
}
