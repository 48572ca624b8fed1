#include "ui/canvas/TypeIcon.h"

#include "ui/canvas/CanvasStyle.h"

#include <QPainter>
#include <QPainterPath>

namespace stepwise::ui {
namespace {

// Symbols on a unit square (0..1), scaled into the icon.
QPainterPath symbol(asl::StateType type)
{
    QPainterPath p;
    switch (type) {
    case asl::StateType::Pass:
        p.moveTo(0.2, 0.5);
        p.lineTo(0.78, 0.5);
        p.moveTo(0.56, 0.28);
        p.lineTo(0.8, 0.5);
        p.lineTo(0.56, 0.72);
        break;
    case asl::StateType::Task:
        p.moveTo(0.58, 0.14);
        p.lineTo(0.3, 0.55);
        p.lineTo(0.5, 0.55);
        p.lineTo(0.42, 0.86);
        p.lineTo(0.72, 0.43);
        p.lineTo(0.52, 0.43);
        p.closeSubpath();
        break;
    case asl::StateType::Choice:
        p.moveTo(0.5, 0.16);
        p.lineTo(0.84, 0.5);
        p.lineTo(0.5, 0.84);
        p.lineTo(0.16, 0.5);
        p.closeSubpath();
        break;
    case asl::StateType::Wait:
        p.addEllipse(QPointF(0.5, 0.5), 0.32, 0.32);
        p.moveTo(0.5, 0.3);
        p.lineTo(0.5, 0.5);
        p.lineTo(0.64, 0.6);
        break;
    case asl::StateType::Succeed:
        p.moveTo(0.22, 0.52);
        p.lineTo(0.42, 0.72);
        p.lineTo(0.78, 0.3);
        break;
    case asl::StateType::Fail:
        p.moveTo(0.28, 0.28);
        p.lineTo(0.72, 0.72);
        p.moveTo(0.72, 0.28);
        p.lineTo(0.28, 0.72);
        break;
    case asl::StateType::Parallel:
        for (const qreal x : {0.28, 0.5, 0.72}) {
            p.moveTo(x, 0.22);
            p.lineTo(x, 0.78);
        }
        break;
    case asl::StateType::Map:
        p.addRect(QRectF(0.18, 0.36, 0.4, 0.4));
        p.moveTo(0.3, 0.24);
        p.lineTo(0.7, 0.24);
        p.lineTo(0.7, 0.64);
        p.moveTo(0.42, 0.12);
        p.lineTo(0.82, 0.12);
        p.lineTo(0.82, 0.52);
        break;
    }
    return p;
}

bool isFilled(asl::StateType type)
{
    return type == asl::StateType::Task || type == asl::StateType::Choice;
}

} // namespace

void paintTypeIcon(QPainter *painter, const QRectF &box, asl::StateType type)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(CanvasStyle::typeColor(type));
    painter->drawRoundedRect(box, box.width() / 5, box.height() / 5);
    QTransform toBox;
    toBox.translate(box.left(), box.top());
    toBox.scale(box.width(), box.height());
    const QPainterPath path = toBox.map(symbol(type));
    QPen pen(Qt::white, std::max<qreal>(1.2, box.width() / 11));
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(isFilled(type) ? QBrush(Qt::white) : QBrush(Qt::NoBrush));
    painter->drawPath(path);
    painter->restore();
}

} // namespace stepwise::ui
