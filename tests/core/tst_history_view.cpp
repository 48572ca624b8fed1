// viewAt: the fold over history events behind debugger time travel.
#include "core/asl/Parser.h"
#include "core/engine/ExecutionView.h"

#include <QTest>

using stepwise::Json;
using namespace stepwise::engine;

namespace {

class FailOnce : public TaskHandler
{
public:
    bool handles(const TaskRequest &) const override { return true; }
    TaskOutcome invoke(const TaskRequest &) override
    {
        if (m_calls++ == 0)
            return TaskOutcome::failure("E", std::nullopt);
        return TaskOutcome::success(Json{{"done", true}});
    }

private:
    int m_calls = 0;
};

Execution runMachine(const char *definition)
{
    ExecutionOptions options;
    options.handlers.push_back(std::make_shared<FailOnce>());
    Execution execution(stepwise::asl::fromJson(Json::parse(definition)).value(),
                        Json{{"in", 1}}, options);
    execution.runToEnd();
    return execution;
}

const char *kMachine = R"({"StartAt":"A","States":{
    "A":{"Type":"Pass","Next":"T"},
    "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
         "Retry":[{"ErrorEquals":["E"]}],"End":true}}})";

} // namespace

class TestHistoryView : public QObject
{
    Q_OBJECT
private slots:
    void foldsStatesOverTime()
    {
        Execution execution = runMachine(kMachine);
        QCOMPARE(execution.status(), ExecutionStatus::Succeeded);
        const ExecutionHistory &history = execution.history();

        const ExecutionView start = viewAt(history, 2); // Started, PassStateEntered
        QCOMPARE(start.status, ExecutionStatus::Running);
        QCOMPARE(start.active().size(), std::size_t{1});
        QCOMPARE(start.latest("A")->input, Json::parse(R"({"in":1})"));

        std::size_t failedAt = 0;
        for (std::size_t i = 0; i < history.size(); ++i)
            if (history.at(i).type == "TaskFailed")
                failedAt = i + 1;
        QVERIFY(failedAt > 0);
        const ExecutionView failed = viewAt(history, failedAt);
        QCOMPARE(failed.latest("T")->status, StateRunStatus::Failed);
        QCOMPARE(failed.latest("A")->status, StateRunStatus::Succeeded);

        const ExecutionView end = viewAt(history, history.size());
        QCOMPARE(end.status, ExecutionStatus::Succeeded);
        QCOMPARE(end.latest("T")->status, StateRunStatus::Succeeded);
        QCOMPARE(end.latest("T")->retries, 1);
        QCOMPARE(end.latest("T")->output, Json::parse(R"({"done":true})"));
        QVERIFY(end.active().empty());
    }

    void clampsPastTheEnd()
    {
        Execution execution = runMachine(kMachine);
        const ExecutionView view = viewAt(execution.history(), 10000);
        QCOMPARE(view.eventCount, execution.history().size());
        QVERIFY(viewAt(execution.history(), 0).visits.empty());
    }
};

QTEST_APPLESS_MAIN(TestHistoryView)
#include "tst_history_view.moc"
