// graph::project: one node per state (nested ones with their container and branch), edges per
// transition kind with their labels, Start/End markers; graph::diff between two projections.
#include "core/asl/Parser.h"
#include "core/graph/Graph.h"
#include "core/graph/GraphDiff.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <algorithm>

using namespace stepwise;

namespace {

graph::Graph projectText(const char *text)
{
    auto machine = asl::parse(text);
    if (!machine)
        qFatal("fixture does not parse: %s", machine.error().message.c_str());
    return graph::project(machine.value());
}

const char *const Choices = R"({
  "StartAt": "Check",
  "States": {
    "Check": {"Type": "Choice",
      "Choices": [
        {"Variable": "$.stock.available", "BooleanEquals": true, "Next": "Charge"},
        {"And": [{"Variable": "$.n", "NumericGreaterThanEquals": 3},
                 {"Not": {"Variable": "$.s", "StringEquals": "x"}}], "Next": "Done"},
        {"Variable": "$.v", "IsPresent": false, "Next": "Done"}
      ],
      "Default": "Done"},
    "Charge": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:1:function:Pay:live",
      "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done"}], "Next": "Done"},
    "Done": {"Type": "Succeed"}
  }
})";

const char *const Nested = R"({
  "StartAt": "Fan",
  "States": {
    "Fan": {"Type": "Parallel", "Next": "Each", "Branches": [
      {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
      {"StartAt": "B", "States": {"B": {"Type": "Wait", "Seconds": 1, "End": true}}}
    ]},
    "Each": {"Type": "Map", "ItemsPath": "$.items", "End": true,
      "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Work",
        "States": {"Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}}
  }
})";

} // namespace

class TestProjection : public QObject
{
    Q_OBJECT
private slots:
    void edgesCarryKindAndLabel_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("label");
        using K = graph::EdgeKind;
        QTest::newRow("rule 0") << "/States/Check|choice:0" << int(K::ChoiceRule)
                                << "/States/Charge"
                                << "$.stock.available == true";
        QTest::newRow("rule 1") << "/States/Check|choice:1" << int(K::ChoiceRule) << "/States/Done"
                                << "$.n >= 3 && !($.s == \"x\")";
        QTest::newRow("rule 2") << "/States/Check|choice:2" << int(K::ChoiceRule) << "/States/Done"
                                << "$.v is not present";
        QTest::newRow("default") << "/States/Check|default" << int(K::Default) << "/States/Done"
                                 << "Default";
        QTest::newRow("catch") << "/States/Charge|catch:0" << int(K::Catch) << "/States/Done"
                               << "Catch: States.ALL";
        QTest::newRow("next") << "/States/Charge|next" << int(K::Next) << "/States/Done"
                              << "";
        QTest::newRow("start") << "#start|start" << int(K::Start) << "/States/Check"
                               << "";
        QTest::newRow("end") << "/States/Done|end" << int(K::End) << "#end"
                             << "";
    }
    void edgesCarryKindAndLabel()
    {
        QFETCH(QString, id);
        QFETCH(int, kind);
        QFETCH(QString, to);
        QFETCH(QString, label);
        const graph::Graph g = projectText(Choices);
        const graph::EdgeSpec *edge = g.edge(id.toStdString());
        QVERIFY2(edge, qPrintable(id));
        QCOMPARE(int(edge->kind), kind);
        QCOMPARE(QString::fromStdString(edge->to), to);
        QCOMPARE(QString::fromStdString(edge->label), label);
        QCOMPARE(edge->isDashed(), edge->kind == graph::EdgeKind::Catch);
    }

    void nodesCarryTypeDetailAndFlags()
    {
        const graph::Graph g = projectText(Choices);
        QCOMPARE(g.nodes.size(), std::size_t(5)); // Start, 3 states, End
        const graph::NodeSpec *check = g.node("/States/Check");
        QVERIFY(check && check->isStart && !check->isTerminal);
        QCOMPARE(check->detail, std::string("Choice"));
        const graph::NodeSpec *charge = g.node("/States/Charge");
        QCOMPARE(charge->type, asl::StateType::Task);
        QCOMPARE(charge->detail, std::string("lambda:invoke · Pay"));
        QVERIFY(g.node("/States/Done")->isTerminal);
        QCOMPARE(g.nodes.front().kind, graph::NodeKind::Start);
        QCOMPARE(g.nodes.back().kind, graph::NodeKind::End);
    }

    void nestedStatesBelongToTheirContainerAndBranch()
    {
        const graph::Graph g = projectText(Nested);
        const graph::NodeSpec *fan = g.node("/States/Fan");
        QVERIFY(fan && fan->isContainer);
        QCOMPARE(fan->branchCount, 2);
        const graph::NodeSpec *b = g.node("/States/Fan/Branches/1/States/B");
        QVERIFY(b);
        QCOMPARE(b->parent, std::string("/States/Fan"));
        QCOMPARE(b->branch, 1);
        QVERIFY(b->isStart && b->isTerminal);
        QVERIFY(!g.edge("/States/Fan/Branches/1/States/B|end")); // End only at the top level
        const graph::NodeSpec *work = g.node("/States/Each/ItemProcessor/States/Work");
        QVERIFY(work);
        QCOMPARE(work->parent, std::string("/States/Each"));
        QCOMPARE(work->detail, std::string("lambda:invoke"));
        QCOMPARE(g.node("/States/Each")->detail, std::string("Map · $.items"));
        QVERIFY(g.edge("/States/Fan|next"));
    }

    void unknownTargetsAreLeftOut()
    {
        const graph::Graph g =
            projectText(R"({"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Gone"}}})");
        QVERIFY(!g.edge("/States/A|next"));
        QVERIFY(g.edge("#start|start"));
    }

    void diffListsWhatChanged()
    {
        const graph::Graph before = projectText(Choices);
        graph::Graph after = before;
        after.nodes.erase(after.nodes.begin() + 2); // Charge
        after.edges.erase(std::remove_if(after.edges.begin(), after.edges.end(),
                                         [](const graph::EdgeSpec &e) {
                                             return e.from == "/States/Charge" ||
                                                    e.to == "/States/Charge";
                                         }),
                          after.edges.end());
        after.nodes[1].detail = "changed";
        graph::NodeSpec extra;
        extra.id = "/States/New";
        after.nodes.push_back(extra);
        const graph::GraphDiff d = graph::diff(before, after);
        QCOMPARE(d.removedNodes, std::vector<std::string>{"/States/Charge"});
        QCOMPARE(d.addedNodes, std::vector<std::string>{"/States/New"});
        QCOMPARE(d.changedNodes, std::vector<std::string>{"/States/Check"});
        QCOMPARE(d.removedEdges.size(), std::size_t(3)); // rule 0 into it, its catch and next
        QVERIFY(graph::diff(before, before).isEmpty());
    }

    void everySharedDefinitionProjects()
    {
        const QString root = QStringLiteral(STEPWISE_SHARED_DIR "/conformance/cases/scenarios");
        if (!QFile::exists(root))
            QSKIP("shared conformance corpus not present");
        int projected = 0;
        for (const QString &dir : QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile file(root + '/' + dir + "/definition.asl.json");
            if (!file.open(QIODevice::ReadOnly))
                continue;
            auto machine = asl::parse(file.readAll().toStdString());
            if (!machine)
                continue;
            const graph::Graph g = graph::project(machine.value());
            for (const graph::EdgeSpec &edge : g.edges)
                QVERIFY2(g.node(edge.from) && g.node(edge.to), qPrintable(dir));
            ++projected;
        }
        QVERIFY(projected > 10);
    }
};

QTEST_APPLESS_MAIN(TestProjection)
#include "tst_projection.moc"
