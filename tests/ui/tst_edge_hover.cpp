// Hovering an edge (VISUAL.md, Edges): the edge is drawn highlighted above everything, so its
// label reads in full, and its two ends are highlighted; leaving puts everything back.
#include "ui/MainWindow.h"
#include "ui/canvas/CanvasScene.h"
#include "ui/canvas/ContainerItem.h"
#include "ui/canvas/StateNodeItem.h"
#include "ui/canvas/TransitionEdgeItem.h"

#include <QGraphicsSceneHoverEvent>
#include <QTest>

using namespace stepwise;
using namespace stepwise::ui;

namespace {

bool highlighted(QGraphicsItem *item)
{
    if (auto *node = qgraphicsitem_cast<StateNodeItem *>(item))
        return node->isConnectTarget();
    if (auto *container = qgraphicsitem_cast<ContainerItem *>(item))
        return container->isConnectTarget();
    return false;
}

void hover(CanvasScene *scene, QGraphicsItem *item, QEvent::Type type)
{
    QGraphicsSceneHoverEvent event(type);
    event.setScenePos(item->sceneBoundingRect().center());
    scene->sendEvent(item, &event);
}

} // namespace

class TestEdgeHover : public QObject
{
    Q_OBJECT
private slots:
    void hoveredEdgeAndItsEndsStandOut()
    {
        MainWindow window;
        QVERIFY(window.openExample(QStringLiteral("order-processing")));
        CanvasScene *scene = window.scene();
        // The Choice rule's edge: it has a label.
        const graph::EdgeSpec *labelled = nullptr;
        for (const graph::EdgeSpec &edge : scene->graph().edges)
            if (edge.from == "/States/InStock?" && !edge.label.empty()) {
                labelled = &edge;
                break;
            }
        QVERIFY(labelled);
        TransitionEdgeItem *item = scene->edgeItem(labelled->id);
        QVERIFY(item);
        QGraphicsItem *from = scene->nodeItem(labelled->from);
        QGraphicsItem *to = scene->nodeItem(labelled->to);
        QVERIFY(from && to);
        const qreal restingZ = item->zValue();
        QVERIFY(restingZ < from->zValue());

        hover(scene, item, QEvent::GraphicsSceneHoverEnter);
        QVERIFY(item->isHovered());
        QVERIFY(item->zValue() > from->zValue()); // the label is on top of any node it crosses
        QVERIFY(highlighted(from));
        QVERIFY(highlighted(to));

        hover(scene, item, QEvent::GraphicsSceneHoverLeave);
        QVERIFY(!item->isHovered());
        QCOMPARE(item->zValue(), restingZ);
        QVERIFY(!highlighted(from));
        QVERIFY(!highlighted(to));
    }
};

QTEST_MAIN(TestEdgeHover)
#include "tst_edge_hover.moc"
