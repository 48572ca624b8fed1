// The controller turns canvas and palette gestures into one command each: inserting (after the
// selection, at the end, into an edge, into a branch), connecting (Next, Default, End, StartAt),
// and the clipboard (copy, cut, paste, duplicate as ASL JSON).
#include "core/asl/Parser.h"
#include "core/asl/Serializer.h"
#include "ui/CanvasController.h"
#include "ui/canvas/CanvasScene.h"
#include "ui/document/Document.h"
#include "ui/palette/PaletteCatalog.h"

#include <QClipboard>
#include <QGraphicsItem>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

using namespace stepwise;
using namespace stepwise::ui;

namespace {

const char *const Definition = R"({
  "StartAt": "Check",
  "States": {
    "Check": {"Type": "Choice", "Choices": [
        {"Variable": "$.ok", "BooleanEquals": true, "Next": "Work"}], "Default": "Oops"},
    "Work": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Fan"},
    "Fan": {"Type": "Parallel", "End": true, "Branches": [
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}]},
    "Oops": {"Type": "Fail", "Error": "E"}
  }
})";

QByteArray payload(const QString &title)
{
    for (const PaletteEntry &entry : paletteCatalog())
        if (entry.title == title)
            return palettePayload(entry);
    qFatal("no palette entry");
    return {};
}

struct Fixture
{
    Document document;
    CanvasScene scene{CanvasStyle::light()};
    CanvasController controller{&document, &scene};

    Fixture()
    {
        document.reset(asl::parse(Definition).value(), {}, QStringLiteral("flow.asl.json"));
    }
    Json json() const { return asl::toJson(document.machine()); }
    Json state(const char *name) const { return json()["States"][name]; }
    void select(const std::vector<std::string> &ids)
    {
        scene.clearSelection();
        for (const std::string &id : ids)
            scene.nodeItem(id)->setSelected(true);
    }
    QString undoText() const { return document.undoStack()->undoText(); }
};

} // namespace

class TestCanvasController : public QObject
{
    Q_OBJECT
private slots:
    void insertAfterTheSelectedState()
    {
        Fixture f;
        f.select({"/States/Work"});
        QVERIFY(f.controller.insertPayload(payload(QStringLiteral("Wait"))));
        QCOMPARE(f.undoText(), QStringLiteral("Insert Wait"));
        QCOMPARE(f.state("Work")["Next"].get<std::string>(), std::string("Wait"));
        QCOMPARE(f.state("Wait")["Next"].get<std::string>(), std::string("Fan"));
        QCOMPARE(f.scene.selectedIds(), std::vector<std::string>{"/States/Wait"});
        f.document.undoStack()->undo();
        QVERIFY(!f.json()["States"].contains("Wait"));
    }

    void insertWithoutSelectionContinuesAfterTheLastEnd()
    {
        Fixture f;
        QVERIFY(f.controller.insertPayload(payload(QStringLiteral("SNS Publish"))));
        QCOMPARE(f.state("Fan")["Next"].get<std::string>(), std::string("SNS Publish"));
        QVERIFY(f.state("SNS Publish")["End"].get<bool>());
        QVERIFY(!hasErrors(f.document.diagnostics()));
    }

    void dropOnAnEdgeSplicesIt()
    {
        Fixture f;
        QVERIFY(f.controller.dropState(payload(QStringLiteral("Pass")), {0, 0},
                                       "/States/Check|choice:0", "", -1));
        QCOMPARE(f.state("Check")["Choices"][0]["Next"].get<std::string>(), std::string("Pass"));
        QCOMPARE(f.state("Pass")["Next"].get<std::string>(), std::string("Work"));
        QVERIFY(f.controller.dropState(payload(QStringLiteral("Pass")), {0, 0}, "#start|start", "", -1));
        QCOMPARE(f.json()["StartAt"].get<std::string>(), std::string("Pass 2"));
        QVERIFY(!hasErrors(f.document.diagnostics()));
    }

    void dropIntoABranchPinsTheState()
    {
        Fixture f;
        QVERIFY(f.controller.dropState(payload(QStringLiteral("Succeed")), {123, 456}, "",
                                       "/States/Fan", 0));
        const std::string id = "/States/Fan/Branches/0/States/Succeed";
        QVERIFY(f.document.graph().node(id));
        QVERIFY(f.document.layout().pinned.contains(id));
        QSignalSpy refused(&f.controller, &CanvasController::editRefused);
        QVERIFY(!f.controller.dropState(payload(QStringLiteral("Pass")), {0, 0}, "", "/States/Fan", 4));
        QCOMPARE(refused.count(), 1);
        QVERIFY(!f.controller.dropState("garbage", {0, 0}, "", "", -1));
    }

    void connectSetsNextDefaultEndAndStart()
    {
        Fixture f;
        QVERIFY(f.controller.connectStates("/States/Work", "/States/Oops"));
        QCOMPARE(f.undoText(), QStringLiteral("Connect 'Work' to 'Oops'"));
        QCOMPARE(f.state("Work")["Next"].get<std::string>(), std::string("Oops"));
        QVERIFY(f.controller.connectStates("/States/Check", "/States/Fan"));
        QCOMPARE(f.state("Check")["Default"].get<std::string>(), std::string("Fan"));
        QVERIFY(f.controller.connectStates("/States/Work", "#end"));
        QVERIFY(f.state("Work")["End"].get<bool>());
        QVERIFY(!f.state("Work").contains("Next"));
        QVERIFY(f.controller.connectStates("#start", "/States/Work"));
        QCOMPARE(f.json()["StartAt"].get<std::string>(), std::string("Work"));
    }

    void connectRefusesWhatASLForbids()
    {
        Fixture f;
        QSignalSpy refused(&f.controller, &CanvasController::editRefused);
        const int before = f.document.undoStack()->count();
        QVERIFY(!f.controller.connectStates("/States/Oops", "/States/Work"));
        QVERIFY(!f.controller.connectStates("/States/Work", "/States/Fan/Branches/0/States/A"));
        QVERIFY(!f.controller.connectStates("/States/Check", "#end"));
        QVERIFY(!f.controller.connectStates("/States/Work", "/States/Nowhere"));
        QCOMPARE(refused.count(), 4);
        QCOMPARE(f.document.undoStack()->count(), before);
    }

    void sceneGesturesReachTheController()
    {
        Fixture f;
        QSignalSpy breakpoints(&f.controller, &CanvasController::breakpointToggleRequested);
        emit f.scene.breakpointToggleRequested("/States/Work");
        QCOMPARE(breakpoints.count(), 1);
        QCOMPARE(breakpoints.at(0).at(0).value<std::string>(), std::string("/States/Work"));
        emit f.scene.connectRequested("/States/Work", "/States/Oops");
        QCOMPARE(f.state("Work")["Next"].get<std::string>(), std::string("Oops"));
        emit f.scene.dropRequested(payload(QStringLiteral("Wait")), QPointF(40, 40), "", "", -1);
        QCOMPARE(f.undoText(), QStringLiteral("Insert Wait"));
    }

    void copyPasteDuplicateCut()
    {
        Fixture f;
        f.select({"/States/Work", "/States/Fan"});
        QVERIFY(f.controller.copySelection());
        const Json clip = Json::parse(QGuiApplication::clipboard()->text().toStdString());
        QVERIFY(clip["States"].contains("Work"));
        QVERIFY(clip["States"].contains("Fan"));

        QVERIFY(f.controller.paste());
        QCOMPARE(f.undoText(), QStringLiteral("Paste 2 states"));
        QCOMPARE(f.state("Work 2")["Next"].get<std::string>(), std::string("Fan 2"));
        // The pasted Parallel's branch state was renamed too: names are machine-wide.
        QCOMPARE(f.state("Fan 2")["Branches"][0]["StartAt"].get<std::string>(), std::string("A 2"));
        QCOMPARE(f.scene.selectedIds().size(), std::size_t(2));

        f.select({"/States/Oops"});
        QVERIFY(f.controller.duplicateSelection());
        QCOMPARE(f.undoText(), QStringLiteral("Duplicate 'Oops'"));
        QVERIFY(f.json()["States"].contains("Oops 2"));

        f.select({"/States/Oops 2"});
        QVERIFY(f.controller.cutSelection());
        QCOMPARE(f.undoText(), QStringLiteral("Cut 'Oops 2'"));
        QVERIFY(!f.json()["States"].contains("Oops 2"));
        QVERIFY(f.controller.paste());
        QVERIFY(f.json()["States"].contains("Oops 2"));

        QGuiApplication::clipboard()->setText(QStringLiteral("not states"));
        QSignalSpy refused(&f.controller, &CanvasController::editRefused);
        QVERIFY(!f.controller.paste());
        QCOMPARE(refused.count(), 1);
    }
};

QTEST_MAIN(TestCanvasController)
#include "tst_canvas_controller.moc"
