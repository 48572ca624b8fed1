// What the debugger shows of one state visit, headless: its input, context object and scoped
// variables (also through VariableScopes' incremental fold), and JSONata Choice and Task visits.
#include "tst_debug_support.h"

#include "ui/debug/StateVisitData.h"
#include "ui/debug/VariableScopes.h"
#include "ui/debug/VisitContext.h"

#include <QTest>

#include <map>
#include <random>

using namespace stepwise;
using namespace stepwise::ui;
using Phase = DebugController::Phase;

class TestDebugVisits : public QObject
{
    Q_OBJECT

private slots:
    void inputOfVisitGivesInputContextAndScopedVariables()
    {
        Document document;
        debugtest::openMachine(document, debugtest::variablesMachine());
        DebugController controller(&document);
        RunConfig config;
        config.inputText = QStringLiteral("{\"items\": [10, 20, 30]}");
        controller.setRunConfig(config);
        QVERIFY(!controller.inputOfVisit("Setup")); // no run yet
        QVERIFY(controller.start());
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(controller.phase(), Phase::Finished);

        auto last = controller.inputOfVisit("Last");
        QVERIFY(last);
        QCOMPARE(last->input.size(), std::size_t{3}); // the Map's output array
        QCOMPARE(last->variables.size(), std::size_t{2}); // the top level's, no inner ones
        QCOMPARE(last->variables["greeting"].get<std::string>(), std::string("hi"));
        QCOMPARE(last->variables["count"].get<int>(), 1);
        const Json &execution = last->context["Execution"];
        QCOMPARE(execution["Id"].get<std::string>(), controller.execution()->executionArn());
        QCOMPARE(execution["Input"]["items"].size(), std::size_t{3});
        QCOMPARE(execution["RedriveCount"].get<int>(), 0);
        QVERIFY(execution["RoleArn"].is_string());
        QCOMPARE(last->context["StateMachine"]["Id"].get<std::string>(),
                 controller.execution()->stateMachineArn());
        QCOMPARE(last->context["State"]["Name"].get<std::string>(), std::string("Last"));
        QVERIFY(!last->context["State"].contains("RetryCount")); // a Pass cannot retry

        // Inside an iteration: the outer variables plus that iteration's own.
        auto touch = controller.inputOfVisit("Touch");
        QVERIFY(touch);
        QCOMPARE(touch->variables["greeting"].get<std::string>(), std::string("hi"));
        QCOMPARE(touch->variables["inner"], touch->input);
        QVERIFY(touch->input.is_number_integer());

        // Variables are as of the state's entry: Setup saw none of its own.
        auto setup = controller.inputOfVisit("Setup");
        QVERIFY(setup);
        QVERIFY(setup->variables.is_object() && setup->variables.empty());
        QCOMPARE(setup->input["items"].size(), std::size_t{3});

        // The time cursor bounds the search: before Each ran there is no Touch visit.
        const engine::ExecutionHistory &events = *controller.history();
        int eachEntered = -1;
        for (std::size_t i = 0; i < events.size(); ++i)
            if (events.at(i).type == "MapStateEntered")
                eachEntered = static_cast<int>(i);
        QVERIFY(eachEntered > 0);
        controller.setCursor(eachEntered);
        QVERIFY(!controller.inputOfVisit("Touch"));
        QVERIFY(controller.inputOfVisit("Each"));
        QCOMPARE(controller.inputOfVisit("Each")->variables["count"].get<int>(), 1);
        QVERIFY(!controller.inputOfVisit("NoSuchState"));
    }

    void aJsonataChoiceVisitShowsEachConditionItsValueAndVerdict()
    {
        Document document;
        debugtest::openMachine(document, debugtest::jsonataChoiceMachine());
        DebugController controller(&document);
        RunConfig config;
        config.inputText = QStringLiteral("{\"n\": 5}");
        controller.setRunConfig(config);
        QVERIFY(controller.start());
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(controller.execution()->status(), engine::ExecutionStatus::Succeeded);
        const engine::ExecutionHistory &events = *controller.history();
        int exited = -1;
        for (std::size_t i = 0; i < events.size(); ++i)
            if (events.at(i).type == "ChoiceStateExited")
                exited = static_cast<int>(i);
        QVERIFY(exited > 0);
        controller.setCursor(exited);
        const auto visit = controller.visitAtCursor();
        QVERIFY(visit);
        QCOMPARE(visit->rules.size(), std::size_t{3});
        QCOMPARE(visit->rules[0].condition, QStringLiteral("{% $states.input.n > $limit %}"));
        QCOMPARE(visit->rules[0].value, std::optional<Json>(Json(false))); // read $limit = 10
        QCOMPARE(visit->rules[0].matched, std::optional<bool>(false));
        QVERIFY(visit->rules[0].reached);
        QCOMPARE(visit->rules[1].matched, std::optional<bool>(true)); // read the context object
        QVERIFY(visit->rules[1].reached);
        QVERIFY(visit->rules[1].error.isEmpty());
        QCOMPARE(visit->rules[2].matched, std::optional<bool>(true));
        QVERIFY(!visit->rules[2].reached); // AWS stopped at rule 1
        QCOMPARE(visit->rules[1].next, QStringLiteral("Five"));
        QVERIFY(visit->visibleVariables);
        QCOMPARE((*visit->visibleVariables)["limit"].get<int>(), 10);
    }

    void aJsonataTaskVisitShowsJsonataStagesNotJsonPathOnes()
    {
        Document document;
        QString error;
        auto loaded = loadDocument(debugtest::exampleFile(".jsonata.asl.json"), error);
        QVERIFY2(loaded && loaded->machine, qPrintable(error));
        openInto(document, std::move(*loaded));
        DebugController controller(&document);
        RunConfig config = debugtest::exampleConfig("HappyPath");
        config.stateMachineName = QStringLiteral("order-processing");
        controller.setRunConfig(config);
        QVERIFY(controller.start());
        QVERIFY(debugtest::waitUntilStopped(controller));
        QCOMPARE(controller.execution()->status(), engine::ExecutionStatus::Succeeded);
        const engine::ExecutionHistory &events = *controller.history();
        int exited = -1;
        for (std::size_t i = 0; i < events.size(); ++i)
            if (events.at(i).type == "TaskStateExited" && events.at(i).stateName == "CheckInventory")
                exited = static_cast<int>(i);
        QVERIFY(exited > 0);
        controller.setCursor(exited);
        const auto visit = controller.visitAtCursor();
        QVERIFY(visit);
        QStringList labels;
        for (const DataStage &stage : visit->stages) {
            labels << stage.label;
            QVERIFY2(stage.value, qPrintable(stage.label + QStringLiteral(": ") + stage.note));
        }
        QCOMPARE(labels, (QStringList{QStringLiteral("Input"), QStringLiteral("After Arguments"),
                                      QStringLiteral("Result ($states.result)"),
                                      QStringLiteral("Output")}));
        // The Arguments are what the Task sent, as TaskScheduled recorded them.
        const Json arguments = *visit->stages[1].value;
        QVERIFY(arguments.is_object());
        QVERIFY(arguments.contains("orderId") && arguments.contains("items"));
    }


    // Variables by scope: an iteration sees the top level's, a Map entered again starts its
    // iterations afresh, and a sibling iteration's variables are not visible.
    void variableScopesFollowAslScopes()
    {
        engine::ExecutionHistory history;
        history.append(exited("", "Setup", {{"limit", "10"}, {"who", "\"top\""}}));
        history.append(event("MapStateEntered", "", "Each"));
        history.append(exited("Each/0", "Touch", {{"count", "1"}}));
        history.append(exited("Each/1", "Touch", {{"count", "2"}, {"limit", "99"}}));
        history.append(event("PassStateEntered", "Each/1", "Next"));
        history.append(event("MapStateEntered", "", "Each"));
        history.append(event("PassStateEntered", "Each/0", "Touch"));

        VariableScopes scopes;
        const Json inIteration1 = scopes.visibleAt(history, 4, "Each/1");
        QCOMPARE(inIteration1["count"].get<int>(), 2);
        QCOMPARE(inIteration1["limit"].get<int>(), 99); // the inner scope shadows the outer one
        QCOMPARE(inIteration1["who"].get<std::string>(), std::string("top"));
        const Json inIteration0 = scopes.visibleAt(history, 4, "Each/0");
        QCOMPARE(inIteration0["count"].get<int>(), 1);
        QCOMPARE(inIteration0["limit"].get<int>(), 10);
        const Json afterReentry = scopes.visibleAt(history, 6, "Each/0");
        QVERIFY(!afterReentry.contains("count"));
        QCOMPARE(afterReentry["limit"].get<int>(), 10);
        QCOMPARE(scopes.visibleAt(history, 1, "").size(), std::size_t{2});
        QVERIFY(scopes.visibleAt(history, 0, "").empty()); // back before the first event
    }

    // The cache answers as a fresh fold does, going forward, back across checkpoints and
    // forward again, over a history long enough to hold several checkpoints.
    void variableScopesCacheAnswersAsAFreshFold()
    {
        engine::ExecutionHistory history;
        std::mt19937 random(7);
        int round = 0;
        while (history.size() < 10000) {
            ++round;
            switch (random() % 4) {
            case 0:
                history.append(exited("", "Top", {{"round", std::to_string(round)}}));
                break;
            case 1:
                history.append(event("MapStateEntered", "", "Each"));
                break;
            case 2:
                history.append(exited("Each/" + std::to_string(random() % 3), "Touch",
                                      {{"item", std::to_string(round)}}));
                break;
            default:
                history.append(event("PassStateEntered", "", "Idle"));
                break;
            }
        }
        const std::vector<std::string> scopeNames{"", "Each/0", "Each/1", "Each/2"};
        VariableScopes cached;
        for (int query = 0; query < 150; ++query) {
            const std::size_t end = query < 50 ? static_cast<std::size_t>(query) * 200
                                                : random() % (history.size() + 1);
            const std::string &scope = scopeNames[random() % scopeNames.size()];
            VariableScopes fresh;
            QCOMPARE(cached.visibleAt(history, end, scope), fresh.visibleAt(history, end, scope));
        }
    }

    // RedriveCount and RedriveTime count the ExecutionRedriven events before the visit, also
    // when the cursor moves back across a checkpoint after a later redrive was folded.
    void redrivesAreCountedBeforeTheVisit()
    {
        engine::ExecutionHistory history;
        for (int i = 0; i < 5000; ++i) {
            engine::HistoryEvent e = event(i == 10 || i == 4500 ? "ExecutionRedriven"
                                                                : "PassStateEntered",
                                           "", "Idle");
            e.timestampMs = i;
            history.append(std::move(e));
        }
        VariableScopes scopes;
        QCOMPARE(scopes.redrivesBefore(history, 10).count, 0);
        QCOMPARE(scopes.redrivesBefore(history, 11).count, 1);
        QCOMPARE(scopes.redrivesBefore(history, 4999).count, 2);
        QCOMPARE(scopes.redrivesBefore(history, 4999).lastMs, std::int64_t{4500});
        const auto back = scopes.redrivesBefore(history, 4200); // past the 4096 checkpoint
        QCOMPARE(back.count, 1);
        QCOMPARE(back.lastMs, std::int64_t{10});
        QCOMPARE(scopes.redrivesBefore(history, 3).count, 0); // before every checkpoint
        QCOMPARE(scopes.redrivesBefore(history, 5000).count, 2);

        const RunIdentity identity{"arn:aws:states:us-east-1:123456789012:execution:M:run",
                                   "arn:aws:states:us-east-1:123456789012:stateMachine:M"};
        const VisitContext later = visitContextOfEntry(history, 4600, 4600, identity, scopes);
        QCOMPARE(later.context["Execution"]["RedriveCount"].get<int>(), 2);
        QVERIFY(later.context["Execution"].contains("RedriveTime"));
        const VisitContext early = visitContextOfEntry(history, 5, 5, identity, scopes);
        QCOMPARE(early.context["Execution"]["RedriveCount"].get<int>(), 0);
        QVERIFY(!early.context["Execution"].contains("RedriveTime"));
    }

private:
    static engine::HistoryEvent event(const char *type, const std::string &scope,
                                      const std::string &stateName)
    {
        engine::HistoryEvent e;
        e.type = type;
        e.scope = scope;
        e.stateName = stateName;
        return e;
    }

    // A PassStateExited assigning `variables` (name → JSON text, as the history holds them).
    static engine::HistoryEvent exited(const std::string &scope, const std::string &stateName,
                                       const std::map<std::string, std::string> &variables)
    {
        engine::HistoryEvent e = event("PassStateExited", scope, stateName);
        e.details = Json::object();
        e.details["name"] = stateName;
        e.details["assignedVariables"] = Json::object();
        for (const auto &[name, text] : variables)
            e.details["assignedVariables"][name] = text;
        return e;
    }
};

QTEST_MAIN(TestDebugVisits)
#include "tst_debug_visits.moc"
