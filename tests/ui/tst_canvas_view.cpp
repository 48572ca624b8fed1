// The canvas view: fit centres the diagram with no scroll bars, Ctrl +/- zoom, the minimap
// outlines the visible part and moves the view; every example renders cleanly, light and dark.
#include "CanvasFixture.h"

#include "ui/canvas/CanvasRender.h"
#include "ui/canvas/CanvasView.h"
#include "ui/canvas/MinimapWidget.h"

#include <QDirIterator>
#include <QKeyEvent>
#include <QPalette>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>

using namespace stepwise;
using namespace stepwise::ui;
using canvastest::Fixture;

namespace {

QStringList examples()
{
    QStringList found;
    QDirIterator it(QStringLiteral(STEPWISE_SOURCE_DIR "/resources/examples"),
                    {QStringLiteral("*.asl.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        found << it.next();
    found.sort();
    return found;
}

// Share of sampled pixels that differ from `background`.
double inkedShare(const QImage &image, const QColor &background)
{
    int inked = 0;
    int total = 0;
    for (int y = 0; y < image.height(); y += 5)
        for (int x = 0; x < image.width(); x += 5, ++total)
            inked += image.pixelColor(x, y) != background ? 1 : 0;
    return total ? double(inked) / total : 0;
}

} // namespace

class TestCanvasView : public QObject
{
    Q_OBJECT
private slots:
    void fitCentresTheDiagramWithoutScrollBars()
    {
        Fixture f;
        CanvasView view;
        view.setScene(&f.scene);
        view.resize(900, 700);
        view.fitToView(); // before show: done once the view has its size
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!view.verticalScrollBar()->isVisible());
        QVERIFY(!view.horizontalScrollBar()->isVisible());
        const QRectF content = f.scene.itemsBoundingRect();
        const QRect onScreen = view.mapFromScene(content).boundingRect();
        QVERIFY(view.viewport()->rect().contains(onScreen));
        const QPoint offset = onScreen.center() - view.viewport()->rect().center();
        QVERIFY2(std::abs(offset.x()) <= 3 && std::abs(offset.y()) <= 3,
                 qPrintable(QStringLiteral("off by %1, %2").arg(offset.x()).arg(offset.y())));
    }

    void ctrlPlusMinusZoomAndCtrlZeroFits()
    {
        Fixture f;
        CanvasView view;
        view.setScene(&f.scene);
        view.resize(900, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.resetZoom();
        QTest::keyClick(&view, Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(view.zoom(), 1.25);
        QTest::keyClick(&view, Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(&view, Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(view.zoom(), 0.8);
        QTest::keyClick(&view, Qt::Key_0, Qt::ControlModifier);
        QVERIFY(view.viewport()->rect().contains(
            view.mapFromScene(f.scene.itemsBoundingRect()).boundingRect()));
    }

    void minimapOutlinesTheViewAndMovesIt()
    {
        Fixture f;
        CanvasView view;
        view.setScene(&f.scene);
        view.resize(1000, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.resetZoom();
        view.zoomIn(); // part of the diagram out of sight: the minimap shows
        view.centerOn(f.centre("/States/ValidateOrder"));
        MinimapWidget *minimap = view.minimap();
        QVERIFY(minimap->isVisible());
        QVERIFY(view.viewport()->geometry().contains(minimap->geometry()));
        const QRectF before = minimap->viewportRect();
        QVERIFY(!before.isEmpty());
        QVERIFY(minimap->contentRect().contains(before.center()));
        // Click near the bottom of the overview: the view goes to the end of the machine.
        const QPointF target = minimap->fromScene(f.centre("/States/OrderComplete"));
        QTest::mouseClick(minimap, Qt::LeftButton, {}, target.toPoint());
        const QPointF centre = view.mapToScene(view.viewport()->rect().center());
        QVERIFY2(QLineF(centre, f.centre("/States/OrderComplete")).length() < 40,
                 qPrintable(QStringLiteral("%1,%2").arg(centre.x()).arg(centre.y())));
        QVERIFY(minimap->viewportRect().center().y() > before.center().y());
        QImage shot = view.grab().toImage();
        canvastest::keepPicture(shot, QStringLiteral("view-minimap.png"));
        view.setMinimapVisible(false);
        QVERIFY(!minimap->isVisible());
    }

    void everyExampleRendersLightAndDark_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString &path : examples())
            QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
    }

    void everyExampleRendersLightAndDark()
    {
        QFETCH(QString, path);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("light.png"));
        QString error;
        QVERIFY2(renderFile(path, png, error), qPrintable(error));
        const QImage light(png);
        QVERIFY(light.width() > 300 && light.height() > 300);
        QVERIFY(inkedShare(light, Qt::white) > 0.02);
        canvastest::keepPicture(light, QFileInfo(path).completeBaseName() + QStringLiteral(".png"));

        Fixture f(path);
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x1B, 0x1E, 0x23));
        f.scene.setStyle(CanvasStyle::fromPalette(dark));
        QVERIFY(f.scene.style().isDark);
        const QString darkPng = dir.filePath(QStringLiteral("dark.png"));
        QVERIFY2(renderScene(f.scene, darkPng, error), qPrintable(error));
        const QImage picture(darkPng);
        QCOMPARE(picture.pixelColor(2, 2), QColor(0x1B, 0x1E, 0x23));
        QVERIFY(inkedShare(picture, QColor(0x1B, 0x1E, 0x23)) > 0.02);
        canvastest::keepPicture(picture,
                                QFileInfo(path).completeBaseName() + QStringLiteral("-dark.png"));
    }
};

QTEST_MAIN(TestCanvasView)
#include "tst_canvas_view.moc"
