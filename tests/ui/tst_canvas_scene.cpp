// The canvas reflects the document: after opening and after every edit (and its undo) there is
// one item per node and edge, where the layout puts it; gestures become commands; pictures render.
#include "core/asl/Parser.h"
#include "ui/CanvasController.h"
#include "ui/canvas/CanvasRender.h"
#include "ui/canvas/CanvasScene.h"
#include "ui/canvas/CanvasView.h"
#include "ui/canvas/ContainerItem.h"
#include "ui/canvas/StateNodeItem.h"
#include "ui/canvas/TransitionEdgeItem.h"
#include "ui/document/Document.h"
#include "ui/document/DocumentIo.h"

#include <QApplication>
#include <QImage>
#include <QKeyEvent>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace stepwise;
using namespace stepwise::ui;

namespace {

const QString Example = QStringLiteral(
    STEPWISE_SOURCE_DIR "/resources/examples/order-processing/order-processing.asl.json");

struct Fixture
{
    Document document;
    CanvasScene scene{CanvasStyle::light()};
    CanvasController controller{&document, &scene};

    Fixture()
    {
        QString error;
        auto loaded = loadDocument(Example, error);
        if (!loaded || !loaded->machine)
            qFatal("example missing");
        openInto(document, std::move(*loaded));
    }
};

// Items and model agree: same ids, node items at their layout positions, containers as such.
bool matchesModel(const Fixture &f)
{
    const graph::Graph &g = f.document.graph();
    if (f.scene.nodeItemCount() != g.nodes.size() || f.scene.edgeItemCount() != g.edges.size())
        return false;
    for (const graph::NodeSpec &node : g.nodes) {
        QGraphicsItem *item = f.scene.nodeItem(node.id);
        const graph::Point at = f.document.layout().positions.at(node.id);
        if (!item || item->pos() != QPointF(at.x, at.y))
            return false;
        if ((item->type() == ContainerItem::Type) != node.isContainer)
            return false;
    }
    for (const graph::EdgeSpec &edge : g.edges) {
        TransitionEdgeItem *item = f.scene.edgeItem(edge.id);
        if (!item || item->spec() != edge || item->path().isEmpty())
            return false;
    }
    return true;
}

} // namespace

class TestCanvasScene : public QObject
{
    Q_OBJECT
private slots:
    void itemsMatchTheModelAfterOpening()
    {
        Fixture f;
        QVERIFY(matchesModel(f));
        QVERIFY(f.scene.nodeItem("/States/Fulfil/Branches/1/States/EmailCustomer"));
        QCOMPARE(f.scene.nodeItem("/States/Fulfil")->type(), int(ContainerItem::Type));
        QCOMPARE(f.scene.nodeItem("#start")->type(), int(StateNodeItem::Type));
    }

    void itemsMatchTheModelAfterEachEditAndUndo()
    {
        Fixture f;
        QVERIFY(f.controller.renameState("/States/ChargePayment", QStringLiteral("Backordered"))
                    .has_value());
        QVERIFY(
            !f.controller.renameState("/States/ChargePayment", QStringLiteral("Pay")).has_value());
        QVERIFY(matchesModel(f));
        QVERIFY(f.scene.nodeItem("/States/Pay"));
        QVERIFY(!f.scene.nodeItem("/States/ChargePayment"));
        QVERIFY(f.scene.edgeItem("/States/Pay|catch:0"));

        f.controller.deleteStates({"/States/WaitForPickup"});
        QVERIFY(matchesModel(f));
        QVERIFY(!f.scene.nodeItem("/States/WaitForPickup"));
        QCOMPARE(f.scene.edgeItem("/States/Pay|next")->spec().to, std::string("/States/Fulfil"));

        f.document.undoStack()->undo();
        QVERIFY(matchesModel(f));
        QVERIFY(f.scene.nodeItem("/States/WaitForPickup"));
        f.document.undoStack()->undo();
        QVERIFY(matchesModel(f));
        QVERIFY(f.scene.nodeItem("/States/ChargePayment"));
        f.document.undoStack()->redo();
        QVERIFY(matchesModel(f));
    }

    void aFinishedMoveIsOneCommand()
    {
        Fixture f;
        emit f.scene.moveFinished({{"/States/Backordered", {1000, 100}}});
        QCOMPARE(f.document.undoStack()->count(), 1);
        QCOMPARE(f.scene.nodeItem("/States/Backordered")->pos(), QPointF(1000, 100));
        QVERIFY(matchesModel(f));
        f.document.undoStack()->undo();
        QVERIFY(matchesModel(f));
        QVERIFY(f.scene.nodeItem("/States/Backordered")->pos() != QPointF(1000, 100));
    }

    void draggingANodeWithTheMousePushesAMove()
    {
        Fixture f;
        CanvasView view;
        view.setScene(&f.scene);
        view.resize(1200, 1200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QGraphicsItem *item = f.scene.nodeItem("/States/Backordered");
        const QPoint from = view.mapFromScene(item->pos());
        QTest::mousePress(view.viewport(), Qt::LeftButton, {}, from);
        QMouseEvent move(QEvent::MouseMove, QPointF(from + QPoint(40, 30)),
                         QPointF(view.viewport()->mapToGlobal(from + QPoint(40, 30))), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view.viewport(), &move);
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, from + QPoint(40, 30));
        QCOMPARE(f.document.undoStack()->count(), 1);
        QCOMPARE(f.document.undoStack()->undoText(), QStringLiteral("Move 'Backordered'"));
        QVERIFY(f.document.layout().pinned.contains("/States/Backordered"));
        QVERIFY(matchesModel(f));
    }

    void deleteKeyRequestsDeletionOfTheSelection()
    {
        Fixture f;
        f.scene.nodeItem("/States/Backordered")->setSelected(true);
        QKeyEvent press(QEvent::KeyPress, Qt::Key_Delete, Qt::NoModifier);
        QApplication::sendEvent(&f.scene, &press);
        QCOMPARE(f.document.undoStack()->undoText(), QStringLiteral("Delete 'Backordered'"));
        QVERIFY(!f.scene.nodeItem("/States/Backordered"));
    }

    void problemsSelectTheirState()
    {
        Fixture f;
        QVERIFY(
            f.scene.selectPointer("/States/Fulfil/Branches/0/States/CreateShipment/Parameters"));
        QCOMPARE(f.scene.selectedIds(),
                 std::vector<std::string>{"/States/Fulfil/Branches/0/States/CreateShipment"});
        QVERIFY(!f.scene.selectPointer("/Comment"));
    }

    void rendersPngAndSvg()
    {
        Fixture f;
        QTemporaryDir dir;
        QString error;
        const QString png = dir.filePath(QStringLiteral("diagram.png"));
        QVERIFY2(renderFile(Example, png, error), qPrintable(error));
        QImage image(png);
        QVERIFY(image.width() > 800 && image.height() > 800);
        int inked = 0;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                inked += image.pixelColor(x, y) != QColor(Qt::white) ? 1 : 0;
        QVERIFY(inked > 100);
        const QString svg = dir.filePath(QStringLiteral("diagram.svg"));
        QVERIFY2(renderScene(f.scene, svg, error), qPrintable(error));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<svg") && text.contains("ValidateOrder"));
    }
};

QTEST_MAIN(TestCanvasScene)
#include "tst_canvas_scene.moc"
