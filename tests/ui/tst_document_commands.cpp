// Every command: redo → undo → redo gives the same document (machine JSON and layout), undo
// brings the original back, and the undo text reads well.
#include "core/asl/Parser.h"
#include "core/asl/Serializer.h"
#include "ui/commands/MoveStatesCommand.h"
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
