// graph::autoLayout (Graphviz dot), container geometry, pinned positions and the layout sidecar.
#include "core/asl/Parser.h"
#include "core/graph/AutoLayout.h"

#include <QFile>
#include <QTest>

using namespace stepwise;

namespace {

asl::StateMachine example()
{
    QFile file(QStringLiteral(STEPWISE_SOURCE_DIR
                              "/resources/examples/order-processing/order-processing.asl.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("example missing");
    auto machine = asl::parse(file.readAll().toStdString());
    if (!machine)
        qFatal("example does not parse");
    return std::move(machine).value();
}

bool overlaps(const graph::Rect &a, const graph::Rect &b)
{
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

bool contains(const graph::Rect &outer, const graph::Rect &inner)
{
    return inner.x >= outer.x && inner.y >= outer.y && inner.right() <= outer.right() &&
           inner.bottom() <= outer.bottom();
}

} // namespace

class TestAutoLayout : public QObject
{
    Q_OBJECT
private slots:
    void placesEveryNodeWithoutOverlaps()
    {
        const graph::Graph g = graph::project(example());
        const graph::Layout layout = graph::autoLayout(g);
        const auto containers = graph::containerGeometry(g, layout);
        std::vector<graph::Rect> boxes;
        for (const graph::NodeSpec &node : g.nodes) {
            QVERIFY2(layout.positions.contains(node.id), node.id.c_str());
            if (!node.isContainer)
                boxes.push_back(graph::nodeBounds(node, layout, containers));
            if (!node.parent.empty()) {
                const graph::Rect inner = graph::nodeBounds(node, layout, containers);
                QVERIFY2(contains(containers.at(node.parent).bounds, inner), node.id.c_str());
            }
        }
        for (std::size_t i = 0; i < boxes.size(); ++i)
            for (std::size_t j = i + 1; j < boxes.size(); ++j)
                QVERIFY(!overlaps(boxes[i], boxes[j]));
        QVERIFY(!layout.pinned.size());
    }

    void flowsTopToBottomWithRoutedEdges()
    {
        const graph::Graph g = graph::project(example());
        const graph::Layout layout = graph::autoLayout(g);
        const graph::Point start = layout.positions.at(std::string(graph::StartId));
        const graph::Point first = layout.positions.at("/States/ValidateOrder");
        QVERIFY(start.y < first.y);
        QVERIFY(layout.positions.at(std::string(graph::EndId)).y > first.y);
        for (const graph::EdgeSpec &edge : g.edges) {
            auto route = layout.routes.find(edge.id);
            QVERIFY2(route != layout.routes.end(), edge.id.c_str());
            QCOMPARE(route->second.points.size() % 3, std::size_t(1)); // a Bézier chain
            QCOMPARE(route->second.labelCenter.has_value(), !edge.label.empty());
        }
    }

    void parallelBranchesSitSideBySide()
    {
        auto machine = asl::parse(R"({"StartAt": "P", "States": {"P": {"Type": "Parallel",
            "End": true, "Branches": [
              {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
              {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}]}}})");
        QVERIFY(machine);
        const graph::Graph g = graph::project(machine.value());
        const graph::Layout layout = graph::autoLayout(g);
        const auto geometry = graph::containerGeometry(g, layout).at("/States/P");
        QCOMPARE(geometry.branches.size(), std::size_t(2));
        QVERIFY(!overlaps(geometry.branches[0], geometry.branches[1]));
        const auto a = layout.positions.at("/States/P/Branches/0/States/A");
        const auto b = layout.positions.at("/States/P/Branches/1/States/B");
        QCOMPARE(a.y, b.y);
        QVERIFY(layout.positions.at("/States/P").y < a.y); // the header is on top
    }

    void pinnedPositionsStayAndDropTheirRoutes()
    {
        const graph::Graph g = graph::project(example());
        graph::Layout previous = graph::autoLayout(g);
        graph::moveNodes(previous, g, {{"/States/CheckInventory", {-500, -500}}});
        QVERIFY(!previous.routes.contains("/States/ValidateOrder|next"));
        const graph::Layout again = graph::autoLayout(g, previous);
        QCOMPARE(again.positions.at("/States/CheckInventory"), (graph::Point{-500, -500}));
        QVERIFY(again.pinned.contains("/States/CheckInventory"));
        QVERIFY(!again.routes.contains("/States/ValidateOrder|next"));
        QVERIFY(again.routes.contains("#start|start"));
    }

    void sidecarRoundTrip()
    {
        const graph::Graph g = graph::project(example());
        graph::Layout layout = graph::autoLayout(g);
        graph::moveNodes(layout, g, {{"/States/ValidateOrder", {10.5, 20}}});
        layout.pinned.insert("/States/NoLongerThere");
        const Json json = graph::sidecarJson(layout, g);
        QCOMPARE(json["states"].size(), std::size_t(1));
        auto back = graph::layoutFromSidecar(json);
        QVERIFY(back);
        QCOMPARE(back->positions.at("/States/ValidateOrder"), (graph::Point{10.5, 20}));
        QVERIFY(back->pinned.contains("/States/ValidateOrder"));
        QVERIFY(!graph::layoutFromSidecar(Json::array()));
        QVERIFY(!graph::layoutFromSidecar(Json::parse(R"({"states": {"/States/A": {"x": "1"}}})")));
    }

    void sidecarPathSitsNextToTheFile_data()
    {
        QTest::addColumn<QString>("asl");
        QTest::addColumn<QString>("sidecar");
        QTest::newRow("asl.json") << "/a/flow.asl.json"
                                  << "/a/flow.layout.json";
        QTest::newRow("yaml") << "flow.asl.yaml"
                              << "flow.layout.json";
        QTest::newRow("json") << "x/flow.json"
                              << "x/flow.layout.json";
        QTest::newRow("other") << "flow"
                               << "flow.layout.json";
    }
    void sidecarPathSitsNextToTheFile()
    {
        QFETCH(QString, asl);
        QFETCH(QString, sidecar);
        QCOMPARE(QString::fromStdString(graph::sidecarPath(asl.toStdString())), sidecar);
    }
};

QTEST_APPLESS_MAIN(TestAutoLayout)
#include "tst_autolayout.moc"
