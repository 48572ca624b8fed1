#pragma once
// Shared by the canvas tests: the order-processing example opened in a document whose canvas is
// kept in step by a CanvasController, and helpers to look at the result.
#include "ui/CanvasController.h"
#include "ui/canvas/CanvasScene.h"
#include "ui/canvas/ContainerItem.h"
#include "ui/canvas/StateNodeItem.h"
#include "ui/canvas/TransitionEdgeItem.h"
#include "ui/document/Document.h"
#include "ui/document/DocumentIo.h"

#include <QDir>
#include <QGraphicsItem>
#include <QImage>
#include <QString>

#include <cstdlib>

namespace canvastest {

inline const QString Example = QStringLiteral(
    STEPWISE_SOURCE_DIR "/resources/examples/order-processing/order-processing.asl.json");

struct Fixture
{
    stepwise::ui::Document document;
    stepwise::ui::CanvasScene scene{stepwise::ui::CanvasStyle::light()};
    stepwise::ui::CanvasController controller{&document, &scene};

    explicit Fixture(const QString &path = Example)
    {
        QString error;
        auto loaded = stepwise::ui::loadDocument(path, error);
        if (!loaded || !loaded->machine)
            qFatal("example missing: %s", qPrintable(error));
        stepwise::ui::openInto(document, std::move(*loaded));
    }

    QPointF centre(const std::string &id) const { return scene.nodeItem(id)->pos(); }
};

// Where a test saves pictures worth looking at: $STEPWISE_CANVAS_SHOTS, when set.
inline void keepPicture(const QImage &image, const QString &name)
{
    const char *dir = std::getenv("STEPWISE_CANVAS_SHOTS");
    if (dir && *dir) {
        QDir().mkpath(QString::fromLocal8Bit(dir));
        image.save(QDir(QString::fromLocal8Bit(dir)).filePath(name));
    }
}

} // namespace canvastest
