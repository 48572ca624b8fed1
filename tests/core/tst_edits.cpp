// Pure model edits behind the designer's commands: insert (appended, spliced into a transition,
// into a branch), paste and copy, whole-state replacement, top-level fields.
#include "core/asl/Edits.h"
#include "core/asl/EditsInsert.h"
#include "core/asl/EditsState.h"
#include "core/asl/Parser.h"
#include "core/asl/Serializer.h"

#include <QTest>

using namespace stepwise;
using namespace stepwise::asl;
using namespace stepwise::asl::edits;

namespace {

const char *const Flow = R"({
  "StartAt": "A",
  "States": {
    "A": {"Type": "Pass", "Next": "B"},
    "B": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "C"}],
          "Default": "D"},
    "C": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
          "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "D"}]},
    "D": {"Type": "Fail", "Error": "E"},
    "P": {"Type": "Parallel", "End": true, "Branches": [
      {"StartAt": "X", "States": {"X": {"Type": "Pass", "End": true}}}]},
    "M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Succeed"}}}}
  }
})";

StateMachine flow()
{
    auto machine = parse(Flow);
    if (!machine)
        qFatal("fixture does not parse: %s", machine.error().message.c_str());
    return std::move(machine).value();
}

State pass(const std::string &name)
{
    auto state = stateFromJson(name, Json::parse(R"({"Type": "Pass"})"));
    return std::move(state).value();
}

const State &at(const StateMachine &m, const std::string &pointer)
{
    const State *state = findState(m, StatePath{pointer});
    if (!state)
        qFatal("no state at %s", pointer.c_str());
    return *state;
}

} // namespace

class TestEdits : public QObject
{
    Q_OBJECT
private slots:
    void uniqueNamesCountUp()
    {
        StateMachine m = flow();
        QCOMPARE(uniqueName(m, "Z"), std::string("Z"));
        QCOMPARE(uniqueName(m, "A"), std::string("A 2"));
        QVERIFY(insertState(m, "", pass("A"), std::nullopt).hasValue());
        QCOMPARE(uniqueName(m, "A"), std::string("A 3"));
        QCOMPARE(uniqueName(m, std::string(90, 'n')).size(), std::size_t(80));
    }

    void insertAppendsUnconnected()
    {
        StateMachine m = flow();
        auto path = insertState(m, "", pass("New"), std::nullopt);
        QVERIFY(path);
        QCOMPARE(path->pointer, std::string("/States/New"));
        QCOMPARE(common(m.states.back()).name, std::string("New"));
        QCOMPARE(common(at(m, "/States/New")).end, std::optional<bool>(true));
        QCOMPARE(m.startAt, std::optional<std::string>("A"));
    }

    void insertIntoEmptyMachineBecomesStartAt()
    {
        StateMachine m;
        QVERIFY(insertState(m, "", pass("First"), std::nullopt));
        QCOMPARE(m.startAt, std::optional<std::string>("First"));
        QVERIFY(validatesCleanly(m));
    }

    void insertSplicesNext()
    {
        StateMachine m = flow();
        auto path = insertState(m, "", pass("A"), Link{"A", {TransitionKind::Next, 0}, false});
        QVERIFY(path);
        QCOMPARE(path->name(), std::string("A 2"));
        QCOMPARE(common(at(m, "/States/A")).next, std::optional<std::string>("A 2"));
        QCOMPARE(common(at(m, "/States/A 2")).next, std::optional<std::string>("B"));
    }

    void insertSplicesChoiceRuleCatchAndStart()
    {
        StateMachine m = flow();
        QVERIFY(insertState(m, "", pass("R"), Link{"B", {TransitionKind::ChoiceRule, 0}, false}));
        QCOMPARE(transitionTarget(m, StatePath{"/States/B"}, {TransitionKind::ChoiceRule, 0}),
                 std::optional<std::string>("R"));
        QCOMPARE(common(at(m, "/States/R")).next, std::optional<std::string>("C"));
        QVERIFY(insertState(m, "", pass("K"), Link{"C", {TransitionKind::Catch, 0}, false}));
        QCOMPARE(transitionTarget(m, StatePath{"/States/C"}, {TransitionKind::Catch, 0}),
                 std::optional<std::string>("K"));
        QVERIFY(insertState(m, "", pass("S"), Link{std::nullopt, {}, false}));
        QCOMPARE(m.startAt, std::optional<std::string>("S"));
        QCOMPARE(common(at(m, "/States/S")).next, std::optional<std::string>("A"));
    }

    void insertAfterEndTakesOverTheEnd()
    {
        StateMachine m = flow();
        QVERIFY(insertState(m, "", pass("Last"), Link{"C", {TransitionKind::Next, 0}, true}));
        QCOMPARE(common(at(m, "/States/C")).next, std::optional<std::string>("Last"));
        QVERIFY(!common(at(m, "/States/C")).end);
        QCOMPARE(common(at(m, "/States/Last")).end, std::optional<bool>(true));
    }

    void insertedChoiceGetsTheSuccessorAsDefault()
    {
        StateMachine m = flow();
        auto choice = stateFromJson("Pick", Json::parse(R"({"Type": "Choice", "Choices": [
            {"Variable": "$.v", "NumericEquals": 1}]})"));
        QVERIFY(choice);
        QVERIFY(insertState(m, "", std::move(choice).value(),
                            Link{"A", {TransitionKind::Next, 0}, false}));
        const auto &pick = std::get<ChoiceState>(at(m, "/States/Pick"));
        QCOMPARE(pick.defaultNext, std::optional<std::string>("B"));
        QCOMPARE((*pick.choices)[0].next, std::optional<std::string>("B"));
    }

    void insertIntoBranchAndMap()
    {
        StateMachine m = flow();
        auto branch = containerScope(m, StatePath{"/States/P"}, 0);
        QVERIFY(branch);
        QCOMPARE(*branch, std::string("/States/P/Branches/0"));
        QVERIFY(insertState(m, *branch, pass("Y"), Link{"X", {TransitionKind::Next, 0}, true}));
        QCOMPARE(common(at(m, "/States/P/Branches/0/States/X")).next,
                 std::optional<std::string>("Y"));
        auto processor = containerScope(m, StatePath{"/States/M"}, 0);
        QVERIFY(processor);
        QCOMPARE(*processor, std::string("/States/M/ItemProcessor"));
        // "A" is taken at the top level: names are unique across the whole machine.
        auto inMap = insertState(m, *processor, pass("A"), std::nullopt);
        QVERIFY(inMap);
        QCOMPARE(inMap->pointer, std::string("/States/M/ItemProcessor/States/A 2"));
        QVERIFY(findState(m, *inMap));
        QVERIFY(!containerScope(m, StatePath{"/States/P"}, 3));
        QVERIFY(!containerScope(m, StatePath{"/States/A"}, 0));
        QVERIFY(!insertState(m, "/States/Nope/Branches/0", pass("Q"), std::nullopt));
    }

    void pasteRenamesAndKeepsInternalTransitions()
    {
        StateMachine m = flow();
        auto clip = copyStates(m, {StatePath{"/States/A"}, StatePath{"/States/B"}});
        QVERIFY(clip);
        auto pasted = pasteStates(m, "", (*clip)["States"]);
        QVERIFY(pasted);
        QCOMPARE(pasted->size(), std::size_t(2));
        QCOMPARE((*pasted)[0].name(), std::string("A 2"));
        QCOMPARE((*pasted)[1].name(), std::string("B 2"));
        // A → B inside the copy becomes A 2 → B 2; B's rule to C (outside, present) is kept.
        QCOMPARE(common(at(m, "/States/A 2")).next, std::optional<std::string>("B 2"));
        const auto &b2 = std::get<ChoiceState>(at(m, "/States/B 2"));
        QCOMPARE((*b2.choices)[0].next, std::optional<std::string>("C"));
        QCOMPARE(b2.defaultNext, std::optional<std::string>("D"));
    }

    void pasteIntoAnotherMachineDropsDanglingNext()
    {
        StateMachine m = flow();
        auto clip = copyStates(m, {StatePath{"/States/A"}});
        QVERIFY(clip);
        StateMachine empty;
        auto pasted = pasteStates(empty, "", (*clip)["States"]);
        QVERIFY(pasted);
        QCOMPARE(empty.startAt, std::optional<std::string>("A"));
        QCOMPARE(common(empty.states.front()).end, std::optional<bool>(true));
        QVERIFY(!common(empty.states.front()).next);
        QVERIFY(!pasteStates(empty, "", Json::array()));
    }

    void stateJsonRoundTripsWithKeyOrder()
    {
        const StateMachine m = flow();
        const Json json = stateToJson(at(m, "/States/C"));
        QCOMPARE(json.begin().key(), std::string("Type"));
        QCOMPARE(json["Catch"][0]["Next"].get<std::string>(), std::string("D"));
        auto back = stateFromJson("C", json);
        QVERIFY(back);
        QCOMPARE(stateToJson(*back), json);
        QVERIFY(!stateFromJson("C", Json::array()));
    }

    void replaceStateKeepsTheName()
    {
        StateMachine m = flow();
        Json json = stateToJson(at(m, "/States/C"));
        json["TimeoutSeconds"] = 30;
        QVERIFY(replaceState(m, StatePath{"/States/C"}, stateFromJson("C", json).value()));
        QCOMPARE(std::get<TaskState>(at(m, "/States/C")).timeoutSeconds, std::optional<Json>(30));
        QVERIFY(!replaceState(m, StatePath{"/States/C"}, pass("Other")));
        QVERIFY(!replaceState(m, StatePath{"/States/Nope"}, pass("Nope")));
    }

    void machineFieldsSetAndRemove()
    {
        StateMachine m = flow();
        QVERIFY(setMachineField(m, "Comment", Json("hello")));
        QCOMPARE(m.comment, std::optional<std::string>("hello"));
        QVERIFY(setMachineField(m, "TimeoutSeconds", Json(60)));
        QVERIFY(setMachineField(m, "StartAt", Json("B")));
        QCOMPARE(m.startAt, std::optional<std::string>("B"));
        QVERIFY(setMachineField(m, "Comment", std::nullopt));
        QVERIFY(!m.comment);
        QCOMPARE(m.states.size(), std::size_t(6));
        QVERIFY(!setMachineField(m, "States", Json::object()));
    }

    void changedKeysNameTheEdit()
    {
        const Json before = Json::parse(R"({"Type": "Task", "Retry": [], "Next": "A"})");
        const Json after = Json::parse(R"({"Type": "Task", "Retry": [1], "Comment": "c"})");
        const std::vector<std::string> expected{"Retry", "Comment", "Next"};
        QCOMPARE(changedKeys(before, after), expected);
    }

private:
    static bool validatesCleanly(const StateMachine &m)
    {
        return m.startAt && m.find(*m.startAt);
    }
};

QTEST_APPLESS_MAIN(TestEdits)
#include "tst_edits.moc"
