// Canvas gestures become the contract's request signals with the right ids (connect from a
// handle, palette drops on an edge / into a branch / on empty space, F9, arrow keys), and the
// view state the scene owns (run overlay, collapse) shows on the items.
#include "CanvasFixture.h"

#include "core/graph/Navigation.h"
#include "ui/canvas/CanvasView.h"
#include "ui/canvas/DraftEdgeItem.h"
#include "ui/canvas/NodeText.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QGraphicsSceneDragDropEvent>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <functional>

using namespace stepwise;
using namespace stepwise::ui;
using canvastest::Fixture;

namespace {

void sendMove(QWidget *viewport, QPoint at)
{
    QMouseEvent move(QEvent::MouseMove, QPointF(at), QPointF(viewport->mapToGlobal(at)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
}

// Press at `from`, move there in steps with the button held, release at `to`.
void drag(QGraphicsView &view, QPoint from, QPoint to, const std::function<void()> &midway = {})
{
    QTest::mousePress(view.viewport(), Qt::LeftButton, {}, from);
    for (int step = 1; step <= 4; ++step)
        sendMove(view.viewport(), from + (to - from) * step / 4);
    if (midway)
        midway();
    QTest::mouseRelease(view.viewport(), Qt::LeftButton, {}, to);
}

void sendDrag(CanvasScene &scene, QEvent::Type type, QPointF at, QMimeData *mime)
{
    QGraphicsSceneDragDropEvent event(type);
    event.setScenePos(at);
    event.setMimeData(mime);
    event.setProposedAction(Qt::CopyAction);
    event.setPossibleActions(Qt::CopyAction);
    QApplication::sendEvent(&scene, &event);
}

// Drags a palette payload over `at` and drops it; returns the dropRequested arguments.
QList<QVariant> dropAt(CanvasScene &scene, QPointF at)
{
    QSignalSpy spy(&scene, &CanvasScene::dropRequested);
    QMimeData mime;
    mime.setData(QString::fromLatin1(StateDragMimeType),
                 R"({"name":"Wait","state":{"Type":"Wait","Seconds":5}})");
    sendDrag(scene, QEvent::GraphicsSceneDragEnter, at, &mime);
    sendDrag(scene, QEvent::GraphicsSceneDragMove, at, &mime);
    sendDrag(scene, QEvent::GraphicsSceneDrop, at, &mime);
    return spy.count() == 1 ? spy.takeFirst() : QList<QVariant>();
}

int draftItems(const CanvasScene &scene)
{
    int count = 0;
    for (const QGraphicsItem *item : scene.items())
        count += item->type() == DraftEdgeItem::Type ? 1 : 0;
    return count;
}

void pressKey(CanvasScene &scene, int key)
{
    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier);
    QApplication::sendEvent(&scene, &press);
}

std::string selected(const CanvasScene &scene)
{
    const auto ids = scene.selectedIds();
    return ids.size() == 1 ? ids.front() : std::string("(" + std::to_string(ids.size()) + ")");
}

} // namespace

class TestCanvasInteraction : public QObject
{
    Q_OBJECT
private slots:
    void taskSubtitlesAreReadable()
    {
        QCOMPARE(readableDetail("lambda:invoke · CheckInventory"),
                 QStringLiteral("Lambda · CheckInventory"));
        QCOMPARE(readableDetail("lambda:invoke"), QStringLiteral("Lambda: Invoke"));
        QCOMPARE(readableDetail("sqs:sendMessage.waitForTaskToken"),
                 QStringLiteral("SQS: SendMessage (callback)"));
        QCOMPARE(readableDetail("states:startExecution.sync:2"),
                 QStringLiteral("Step Functions: StartExecution (sync)"));
        QCOMPARE(readableDetail("aws-sdk:s3:getObject"), QStringLiteral("S3: GetObject"));
        QCOMPARE(readableDetail("Map · $.items"), QStringLiteral("Map · $.items"));
        QCOMPARE(readableDetail("Choice"), QStringLiteral("Choice"));
        // Too long for the node: the service stays and the name is cut at its end.
        QFont font;
        font.setPixelSize(11);
        const QString fitted = fittedDetail(QStringLiteral("Lambda · AVeryLongFunctionNameIndeed"),
                                            QFontMetricsF(font), 120);
        QVERIFY2(fitted.startsWith(QStringLiteral("Lambda · AVery")), qPrintable(fitted));
        QVERIFY(fitted.endsWith(QStringLiteral("…")));
    }

    void draggingFromAHandleRequestsAConnection()
    {
        Fixture f;
        CanvasView view;
        view.setScene(&f.scene);
        view.resize(1400, 1400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.resetZoom();
        view.centerOn(f.centre("/States/CheckInventory"));
        auto *from = qgraphicsitem_cast<StateNodeItem *>(f.scene.nodeItem("/States/ValidateOrder"));
        QVERIFY(from && from->hasOutputHandle());
        const QPoint handle = view.mapFromScene(from->mapToScene(from->handleCenter()));
        const QPoint target = view.mapFromScene(f.centre("/States/InStock?") + QPointF(60, 0));
        QSignalSpy spy(&f.scene, &CanvasScene::connectRequested);
        int draftsMidway = 0;
        drag(view, handle, target, [&] { draftsMidway = draftItems(f.scene); });
        QCOMPARE(draftsMidway, 1);
        QCOMPARE(draftItems(f.scene), 0);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<std::string>(), std::string("/States/ValidateOrder"));
        QCOMPARE(spy.at(0).at(1).value<std::string>(), std::string("/States/InStock?"));
        // Onto the End marker; a release on empty canvas requests nothing.
        auto *backordered =
            qgraphicsitem_cast<StateNodeItem *>(f.scene.nodeItem("/States/Backordered"));
        view.centerOn(f.centre("#end"));
        drag(view, view.mapFromScene(backordered->mapToScene(backordered->handleCenter())),
             view.mapFromScene(f.centre("#end")));
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(1).value<std::string>(), std::string("#end"));
        drag(view, view.mapFromScene(backordered->mapToScene(backordered->handleCenter())),
             view.mapFromScene(f.scene.itemsBoundingRect().bottomRight() + QPointF(200, 200)));
        QCOMPARE(spy.count(), 2);
    }

    void paletteDropsNameTheirTarget()
    {
        Fixture f;
        // On an edge: the midpoint of ValidateOrder → CheckInventory.
        const QPointF onEdge =
            f.scene.edgeItem("/States/ValidateOrder|next")->path().pointAtPercent(0.5);
        QList<QVariant> args = dropAt(f.scene, onEdge);
        QCOMPARE(args.size(), 5);
        QVERIFY(args.at(0).toByteArray().contains("\"Wait\""));
        QCOMPARE(args.at(1).toPointF(), onEdge);
        QCOMPARE(args.at(2).value<std::string>(), std::string("/States/ValidateOrder|next"));
        QCOMPARE(args.at(3).value<std::string>(), std::string());
        QCOMPARE(args.at(4).toInt(), -1);

        // Into the Parallel's second branch, below EmailCustomer.
        const auto geometry = graph::containerGeometry(f.document.graph(), f.document.layout());
        const graph::Rect branch = geometry.at("/States/Fulfil").branches.at(1);
        const QPointF inBranch(branch.center().x, branch.bottom() - 6);
        args = dropAt(f.scene, inBranch);
        QCOMPARE(args.at(2).value<std::string>(), std::string());
        QCOMPARE(args.at(3).value<std::string>(), std::string("/States/Fulfil"));
        QCOMPARE(args.at(4).toInt(), 1);

        // Empty space: the top level.
        const QPointF empty = f.scene.itemsBoundingRect().topRight() + QPointF(300, 0);
        args = dropAt(f.scene, empty);
        QCOMPARE(args.at(2).value<std::string>(), std::string());
        QCOMPARE(args.at(3).value<std::string>(), std::string());
        QCOMPARE(args.at(4).toInt(), -1);

        // Anything else dragged over the canvas is refused.
        QMimeData text;
        text.setText(QStringLiteral("hello"));
        QGraphicsSceneDragDropEvent enter(QEvent::GraphicsSceneDragEnter);
        enter.setScenePos(empty);
        enter.setMimeData(&text);
        enter.setProposedAction(Qt::CopyAction);
        QApplication::sendEvent(&f.scene, &enter);
        QVERIFY(!enter.isAccepted());
    }

    void keysRequestBreakpointsAndWalkTheGraph()
    {
        Fixture f;
        QSignalSpy breakpoints(&f.scene, &CanvasScene::breakpointToggleRequested);
        pressKey(f.scene, Qt::Key_Down); // nothing selected: the start state
        QCOMPARE(selected(f.scene), std::string("/States/ValidateOrder"));
        pressKey(f.scene, Qt::Key_F9);
        QCOMPARE(breakpoints.count(), 1);
        QCOMPARE(breakpoints.at(0).at(0).value<std::string>(),
                 std::string("/States/ValidateOrder"));
        pressKey(f.scene, Qt::Key_Down);
        QCOMPARE(selected(f.scene), std::string("/States/CheckInventory"));
        pressKey(f.scene, Qt::Key_Down);
        QCOMPARE(selected(f.scene), std::string("/States/InStock?"));
        pressKey(f.scene, Qt::Key_Down); // the first rule's target
        QCOMPARE(selected(f.scene), std::string("/States/ChargePayment"));
        const bool backorderedRight =
            f.centre("/States/Backordered").x() > f.centre("/States/ChargePayment").x();
        pressKey(f.scene, backorderedRight ? Qt::Key_Right : Qt::Key_Left); // the sibling
        QCOMPARE(selected(f.scene), std::string("/States/Backordered"));
        pressKey(f.scene, Qt::Key_Up);
        QCOMPARE(selected(f.scene), std::string("/States/InStock?"));
        // Into a Parallel: down from the header reaches the first branch's first state.
        f.scene.clearSelection();
        f.scene.nodeItem("/States/Fulfil")->setSelected(true);
        pressKey(f.scene, Qt::Key_Down);
        QCOMPARE(selected(f.scene), std::string("/States/Fulfil/Branches/0/States/CreateShipment"));
        pressKey(f.scene, Qt::Key_Down); // the branch ends: leave the container
        QCOMPARE(selected(f.scene), std::string("/States/OrderComplete"));
    }

    void runOverlayShowsOnItems()
    {
        Fixture f;
        RunOverlay overlay;
        overlay.nodes["/States/ValidateOrder"] = {RunStatus::Succeeded, 0, false, false};
        overlay.nodes["/States/CheckInventory"] = {RunStatus::InProgress, 2, true, false};
        overlay.nodes["/States/ChargePayment"] = {RunStatus::NotRun, 0, false, true};
        overlay.nodes["/States/Fulfil"] = {RunStatus::Failed, 0, false, false};
        overlay.takenEdges = {"#start|start", "/States/ValidateOrder|next"};
        f.scene.setRunOverlay(overlay);
        auto *checked =
            qgraphicsitem_cast<StateNodeItem *>(f.scene.nodeItem("/States/CheckInventory"));
        QCOMPARE(checked->runState(), overlay.nodes["/States/CheckInventory"]);
        QCOMPARE(f.scene.nodeItem("/States/ValidateOrder")->opacity(), 1.0);
        QCOMPARE(f.scene.nodeItem("/States/Backordered")->opacity(), 0.6); // not run: dimmed
        QCOMPARE(f.scene.nodeItem("#start")->opacity(), 1.0);
        QVERIFY(f.scene.edgeItem("/States/ValidateOrder|next")->isTaken());
        QVERIFY(!f.scene.edgeItem("/States/CheckInventory|next")->isTaken());

        // The picture: the succeeded node is filled light green, the paused one outlined yellow.
        const QRectF area = f.scene.itemsBoundingRect();
        QImage image(area.size().toSize(), QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        f.scene.render(&painter, QRectF(QPointF(), area.size()), area);
        painter.end();
        canvastest::keepPicture(image, QStringLiteral("overlay.png"));
        const QPointF validate = f.centre("/States/ValidateOrder") - area.topLeft();
        const QColor fill = image.pixelColor((validate + QPointF(100, 18)).toPoint());
        QVERIFY2(fill.green() > fill.red() && fill.green() > fill.blue() && fill.red() > 180,
                 qPrintable(fill.name()));
        const QPointF paused = f.centre("/States/CheckInventory") - area.topLeft();
        const QColor outline = image.pixelColor((paused + QPointF(0, -24 - 3)).toPoint());
        QVERIFY2(outline.red() > 200 && outline.green() > 160 && outline.blue() < 140,
                 qPrintable(outline.name()));

        // Breakpoints alone (no run yet) dim nothing.
        RunOverlay onlyBreakpoints;
        onlyBreakpoints.nodes["/States/ChargePayment"].breakpoint = true;
        f.scene.setRunOverlay(onlyBreakpoints);
        QCOMPARE(f.scene.nodeItem("/States/Backordered")->opacity(), 1.0);
        f.scene.clearRunOverlay();
        QVERIFY(!f.scene.edgeItem("/States/ValidateOrder|next")->isTaken());
        QCOMPARE(checked->runState(), NodeRunState{});
    }

    void collapsingAContainerHidesItsInsides()
    {
        Fixture f;
        const std::string fulfil = "/States/Fulfil";
        const std::string shipment = "/States/Fulfil/Branches/0/States/CreateShipment";
        const QRectF expanded = f.scene.nodeItem(fulfil)->sceneBoundingRect();
        const qreal completeBefore = f.centre("/States/OrderComplete").y();
        QSignalSpy spy(&f.scene, &CanvasScene::collapsedChanged);

        CanvasView view;
        view.setScene(&f.scene);
        view.resize(1400, 1400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.resetZoom();
        view.centerOn(f.centre(fulfil));
        auto *container = qgraphicsitem_cast<ContainerItem *>(f.scene.nodeItem(fulfil));
        const QPoint chevron =
            view.mapFromScene(container->mapToScene(container->toggleRect().center()));
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, chevron);

        QVERIFY(f.scene.isCollapsed(fulfil));
        QCOMPARE(spy.count(), 1);
        QVERIFY(!f.scene.nodeItem(shipment)->isVisible());
        QVERIFY(f.scene.isHidden(shipment));
        QVERIFY(f.scene.edgeItem("/States/Fulfil|next")->isVisible());
        QVERIFY(f.scene.nodeItem(fulfil)->sceneBoundingRect().height() < expanded.height() / 2);
        QVERIFY(f.centre("/States/OrderComplete").y() < completeBefore - 40); // laid out again
        QCOMPARE(f.document.undoStack()->count(), 0); // view state, not an edit

        // An edit while collapsed keeps it collapsed; a problem inside opens it.
        QVERIFY(
            !f.controller.renameState("/States/Backordered", QStringLiteral("Later")).has_value());
        QVERIFY(f.scene.isCollapsed(fulfil));
        QVERIFY(f.scene.selectPointer(shipment + "/Resource"));
        QVERIFY(!f.scene.isCollapsed(fulfil));
        QVERIFY(f.scene.nodeItem(shipment)->isVisible());
        const graph::Point back = f.document.layout().positions.at("/States/OrderComplete");
        QCOMPARE(f.centre("/States/OrderComplete"), QPointF(back.x, back.y));
    }
};

QTEST_MAIN(TestCanvasInteraction)
#include "tst_canvas_interaction.moc"
