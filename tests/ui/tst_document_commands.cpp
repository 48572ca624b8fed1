// Every command: redo → undo → redo gives the same document (machine JSON and layout), undo
// brings the original back, and the undo text reads well.
#include "core/asl/Parser.h"
#include "core/asl/Serializer.h"
#include "core/asl/EditsState.h"
#include "ui/commands/EditStateCommand.h"
#include "ui/commands/InsertStateCommand.h"
#include "ui/commands/MoveStatesCommand.h"
#include "ui/commands/PasteStatesCommand.h"
#include "ui/commands/SetMachineFieldCommand.h"
#include "ui/commands/RemoveStatesCommand.h"
#include "ui/commands/RenameStateCommand.h"
#include "ui/commands/ReplaceMachineCommand.h"
#include "ui/commands/SetTransitionCommand.h"
#include "ui/document/Document.h"
#include "ui/document/DocumentIo.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <functional>
#include <memory>

using namespace stepwise;
using namespace stepwise::ui;

namespace {

const char *const Definition = R"({
  "Comment": "kept",
  "StartAt": "Check",
  "States": {
    "Check": {"Type": "Choice", "Choices": [
        {"Variable": "$.ok", "BooleanEquals": true, "Next": "Work"}], "Default": "Fail"},
    "Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Fan",
             "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Fail"}], "Comment": "w"},
    "Fan": {"Type": "Parallel", "Next": "Done", "Branches": [
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "End": true}}}]},
    "Done": {"Type": "Succeed"},
    "Fail": {"Type": "Fail", "Error": "E"}
  }
})";

struct Snapshot
{
    std::string json;
    graph::Layout layout;
    bool operator==(const Snapshot &) const = default;
};

Snapshot snapshot(const Document &document)
{
    return {asl::serialize(document.machine()), document.layout()};
}

using Factory = std::function<QUndoCommand *(Document *)>;

asl::State stateFrom(const std::string &name, const char *json)
{
    auto state = asl::edits::stateFromJson(name, Json::parse(json));
    if (!state)
        qFatal("bad state fixture");
    return std::move(state).value();
}

// The Work state with one field changed (an inspector commit).
asl::State editedWork(Document *document, const char *key, Json value)
{
    const asl::State *work = asl::edits::findState(document->machine(), asl::StatePath{"/States/Work"});
    Json json = asl::edits::stateToJson(*work);
    json[key] = std::move(value);
    return asl::edits::stateFromJson("Work", json).value();
}

} // namespace

Q_DECLARE_METATYPE(Factory)

class TestDocumentCommands : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Document> open()
    {
        auto document = std::make_unique<Document>();
        auto machine = asl::parse(Definition);
        if (!machine)
            qFatal("fixture does not parse");
        document->reset(std::move(machine).value(), {}, QStringLiteral("flow.asl.json"));
        return document;
    }

private slots:
    void redoUndoRedo_data()
    {
        QTest::addColumn<Factory>("make");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expect"); // a substring of the edited JSON
        QTest::newRow("move") << Factory([](Document *d) {
            return new MoveStatesCommand(d, {{"/States/Work", {900, 40}}});
        }) << "Move 'Work'"
                              << "\"Work\"";
        QTest::newRow("rename") << Factory([](Document *d) {
            return new RenameStateCommand(d, asl::StatePath{"/States/Work"}, "Charge");
        }) << "Rename 'Work' to 'Charge'"
                                << "\"Next\": \"Charge\"";
        QTest::newRow("rename nested") << Factory([](Document *d) {
            return new RenameStateCommand(d, asl::StatePath{"/States/Fan/Branches/0/States/B"},
                                          "Z");
        }) << "Rename 'B' to 'Z'"
                                       << "\"Next\": \"Z\"";
        QTest::newRow("remove") << Factory([](Document *d) {
            return new RemoveStatesCommand(d, {asl::StatePath{"/States/Fan"}});
        }) << "Delete 'Fan'"
                                << "\"Next\": \"Done\"";
        QTest::newRow("remove many") << Factory([](Document *d) {
            return new RemoveStatesCommand(
                d, {asl::StatePath{"/States/Done"}, asl::StatePath{"/States/Fan"}});
        }) << "Delete 2 states"
                                     << "\"End\": true";
        QTest::newRow("set next") << Factory([](Document *d) {
            return new SetTransitionCommand(d, asl::StatePath{"/States/Work"},
                                            {asl::edits::TransitionKind::Next, 0}, "Done");
        }) << "Connect 'Work' to 'Done'"
                                  << "\"Next\": \"Done\"";
        QTest::newRow("set default") << Factory([](Document *d) {
            return new SetTransitionCommand(d, asl::StatePath{"/States/Check"},
                                            {asl::edits::TransitionKind::Default, 0}, "Done");
        }) << "Connect 'Check' to 'Done'"
                                     << "\"Default\": \"Done\"";
        QTest::newRow("set catch") << Factory([](Document *d) {
            return new SetTransitionCommand(d, asl::StatePath{"/States/Work"},
                                            {asl::edits::TransitionKind::Catch, 0}, "Done");
        }) << "Connect 'Work' to 'Done'"
                                   << "\"ErrorEquals\"";
        QTest::newRow("end flow") << Factory([](Document *d) {
            return new SetTransitionCommand(d, asl::StatePath{"/States/Work"},
                                            {asl::edits::TransitionKind::Next, 0}, std::nullopt);
        }) << "End the flow at 'Work'"
                                  << "\"End\": true";
        QTest::newRow("insert appended") << Factory([](Document *d) {
            return new InsertStateCommand(d, "", stateFrom("Pass", R"({"Type": "Pass"})"),
                                          std::nullopt, graph::Point{500, 60}, "Pass");
        }) << "Insert Pass"
                                         << "\"Pass\": {";
        QTest::newRow("insert into edge") << Factory([](Document *d) {
            return new InsertStateCommand(
                d, "", stateFrom("Lambda Invoke", R"({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke"})"),
                asl::edits::Link{"Work", {asl::edits::TransitionKind::Next, 0}, false},
                std::nullopt, "Lambda Invoke");
        }) << "Insert Lambda Invoke"
                                          << "\"Next\": \"Lambda Invoke\"";
        QTest::newRow("insert into branch") << Factory([](Document *d) {
            return new InsertStateCommand(
                d, "/States/Fan/Branches/0", stateFrom("Wait", R"({"Type": "Wait", "Seconds": 5})"),
                asl::edits::Link{"B", {asl::edits::TransitionKind::Next, 0}, true}, std::nullopt,
                "Wait");
        }) << "Insert Wait"
                                            << "\"Next\": \"Wait\"";
        QTest::newRow("edit state") << Factory([](Document *d) {
            return new EditStateCommand(d, asl::StatePath{"/States/Work"},
                                        editedWork(d, "TimeoutSeconds", 30));
        }) << "Change TimeoutSeconds of 'Work'"
                                    << "\"TimeoutSeconds\": 30";
        QTest::newRow("edit retry") << Factory([](Document *d) {
            return new EditStateCommand(
                d, asl::StatePath{"/States/Work"},
                editedWork(d, "Retry", Json::parse(R"([{"ErrorEquals": ["States.ALL"], "MaxAttempts": 2}])")));
        }) << "Change Retry of 'Work'"
                                    << "\"MaxAttempts\": 2";
        QTest::newRow("machine field") << Factory([](Document *d) {
            return new SetMachineFieldCommand(d, "TimeoutSeconds", Json(60));
        }) << "Change TimeoutSeconds"
                                       << "\"TimeoutSeconds\": 60";
        QTest::newRow("start at") << Factory([](Document *d) {
            return new SetMachineFieldCommand(d, "StartAt", Json("Work"));
        }) << "Change StartAt"
                                  << "\"StartAt\": \"Work\"";
        QTest::newRow("paste") << Factory([](Document *d) {
            const Json states = Json::parse(R"({"Work": {"Type": "Pass", "Next": "Tail"},
                                                "Tail": {"Type": "Succeed"}})");
            return new PasteStatesCommand(d, "", states, "Paste 2 states");
        }) << "Paste 2 states"
                               << "\"Next\": \"Tail\"";
        QTest::newRow("replace") << Factory([](Document *d) {
            auto machine =
                asl::parse(R"({"StartAt": "Only", "States": {"Only": {"Type": "Succeed"}}})");
            return new ReplaceMachineCommand(d, std::move(machine).value());
        }) << "Edit definition"
                                 << "\"Only\"";
    }
    void redoUndoRedo()
    {
        QFETCH(Factory, make);
        QFETCH(QString, text);
        QFETCH(QString, expect);
        auto document = open();
        const Snapshot before = snapshot(*document);
        QSignalSpy layoutSpy(document.get(), &Document::layoutChanged);
        document->undoStack()->push(make(document.get()));
        QCOMPARE(document->undoStack()->undoText(), text);
        QVERIFY(!document->isClean());
        QVERIFY(layoutSpy.count() >= 1);
        const Snapshot after = snapshot(*document);
        QVERIFY(!(after == before));
        QVERIFY2(QString::fromStdString(after.json).contains(expect), after.json.c_str());
        QVERIFY(QString::fromStdString(after.json).contains("\"Comment\": \"kept\"") ||
                expect == "\"Only\"");
        document->undoStack()->undo();
        QVERIFY(snapshot(*document) == before);
        QVERIFY(document->isClean());
        document->undoStack()->redo();
        QVERIFY(snapshot(*document) == after);
    }

    void renameRewritesEveryReference()
    {
        auto document = open();
        document->undoStack()->push(
            new RenameStateCommand(document.get(), asl::StatePath{"/States/Fail"}, "Oops"));
        const std::string json = asl::serialize(document->machine());
        QVERIFY(json.find("\"Default\": \"Oops\"") != std::string::npos);
        QVERIFY(json.find("\"Next\": \"Oops\"") != std::string::npos); // the catcher
        QVERIFY(json.find("\"Comment\": \"w\"") != std::string::npos);
        QVERIFY(document->graph().node("/States/Oops"));
        QVERIFY(!document->graph().node("/States/Fail"));
    }

    void movedStatesStayPinnedThroughStructureEdits()
    {
        auto document = open();
        document->undoStack()->push(
            new MoveStatesCommand(document.get(), {{"/States/Done", {-300, 7}}}));
        document->undoStack()->push(
            new RenameStateCommand(document.get(), asl::StatePath{"/States/Done"}, "Finished"));
        QCOMPARE(document->layout().positions.at("/States/Finished"), (graph::Point{-300, 7}));
        QVERIFY(document->layout().pinned.contains("/States/Finished"));
    }

    void diagnosticsFollowEdits()
    {
        auto document = open();
        QVERIFY(!hasErrors(document->diagnostics()));
        QSignalSpy spy(document.get(), &Document::diagnosticsChanged);
        document->undoStack()->push(
            new SetTransitionCommand(document.get(), asl::StatePath{"/States/Work"},
                                     {asl::edits::TransitionKind::Next, 0}, "Nowhere"));
        QVERIFY(spy.count() >= 1);
        QVERIFY(hasErrors(document->diagnostics()));
        document->undoStack()->undo();
        QVERIFY(!hasErrors(document->diagnostics()));
    }

    void insertedStatesAreNamedUniquelyAndPinned()
    {
        auto document = open();
        auto *command = new InsertStateCommand(document.get(), "", stateFrom("A", R"({"Type": "Pass"})"),
                                               std::nullopt, graph::Point{7, 9}, "Pass");
        document->undoStack()->push(command);
        // "A" is taken inside the Parallel branch: names are unique across the whole machine.
        QCOMPARE(command->insertedPath().pointer, std::string("/States/A 2"));
        QCOMPARE(document->layout().positions.at("/States/A 2"), (graph::Point{7, 9}));
        QVERIFY(document->layout().pinned.contains("/States/A 2"));
    }

    void pasteRenamesClashesAndKeepsInternalLinks()
    {
        auto document = open();
        const Json states = Json::parse(R"({"Work": {"Type": "Pass", "Next": "Done"},
                                            "Done": {"Type": "Pass", "Next": "Elsewhere"}})");
        auto *command = new PasteStatesCommand(document.get(), "", states, "Paste 2 states");
        document->undoStack()->push(command);
        QCOMPARE(command->pastedPaths().size(), std::size_t(2));
        const Json json = asl::toJson(document->machine());
        QCOMPARE(json["States"]["Work 2"]["Next"].get<std::string>(), std::string("Done 2"));
        QVERIFY(json["States"]["Done 2"]["End"].get<bool>()); // dangling Next dropped
    }

    void saveWritesTheDefinitionAndTheSidecar()
    {
        QTemporaryDir dir;
        auto document = open();
        document->undoStack()->push(
            new MoveStatesCommand(document.get(), {{"/States/Work", {1, 2}}}));
        const QString path = dir.filePath(QStringLiteral("flow.asl.json"));
        QString error;
        QVERIFY2(saveDocument(*document, path, error), qPrintable(error));
        QVERIFY(document->isClean());
        QFile sidecar(dir.filePath(QStringLiteral("flow.layout.json")));
        QVERIFY(sidecar.open(QIODevice::ReadOnly));
        const Json json = Json::parse(sidecar.readAll().toStdString());
        QCOMPARE(json["states"]["/States/Work"]["x"].get<double>(), 1.0);

        QString readError;
        auto loaded = loadDocument(path, readError);
        QVERIFY(loaded && loaded->machine);
        QCOMPARE(asl::serialize(*loaded->machine), asl::serialize(document->machine()));
        Document reopened;
        openInto(reopened, std::move(*loaded));
        QCOMPARE(reopened.layout().positions.at("/States/Work"), (graph::Point{1, 2}));
    }
};

QTEST_MAIN(TestDocumentCommands)
#include "tst_document_commands.moc"
