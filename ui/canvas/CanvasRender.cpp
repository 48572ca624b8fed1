#include "ui/canvas/CanvasRender.h"

#include "ui/canvas/CanvasScene.h"
#include "ui/document/Document.h"
#include "ui/document/DocumentIo.h"

#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

namespace stepwise::ui {
namespace {
constexpr qreal Scale = 2.0;
constexpr qreal Margin = 32;
} // namespace

bool renderScene(CanvasScene &scene, const QString &out, QString &error)
{
    scene.clearSelection();
    scene.setGridVisible(false);
    const QRectF source = scene.itemsBoundingRect().adjusted(-Margin, -Margin, Margin, Margin);
    if (out.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(out);
        svg.setSize(source.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
        QPainter painter;
        if (!painter.begin(&svg)) {
            error = QObject::tr("Cannot write %1").arg(out);
            return false;
        }
        scene.render(&painter, QRectF(QPointF(0, 0), source.size()), source);
        return painter.end();
    }
    QImage image((source.size() * Scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(scene.style().background);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    scene.render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    painter.end();
    if (!image.save(out)) {
        error = QObject::tr("Cannot write %1").arg(out);
        return false;
    }
    return true;
}

bool renderFile(const QString &aslPath, const QString &out, QString &error)
{
    auto loaded = loadDocument(aslPath, error);
    if (!loaded)
        return false;
    if (!loaded->machine) {
        error = QObject::tr("%1 is not a state machine").arg(aslPath);
        return false;
    }
    Document document;
    openInto(document, std::move(*loaded));
    CanvasScene scene(CanvasStyle::light());
    scene.sync(document.graph(), document.layout());
    scene.setDiagnostics(document.diagnostics());
    return renderScene(scene, out, error);
}

} // namespace stepwise::ui
