#include "ui/palette/StateIcons.h"

#include "ui/canvas/CanvasStyle.h"

#include <QPainter>
#include <QPixmap>

namespace stepwise::ui {
namespace {

QPixmap iconPixmap(asl::StateType type, const QString &glyph, int size, qreal ratio)
{
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF box(1, 1, size - 2, size - 2);
    painter.setPen(Qt::NoPen);
    painter.setBrush(CanvasStyle::typeColor(type));
    painter.drawRoundedRect(box, size / 5.0, size / 5.0);
    QFont font = painter.font();
    font.setPixelSize(qRound(size * 0.62));
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(box, Qt::AlignCenter, glyph.isEmpty() ? CanvasStyle::typeGlyph(type) : glyph);
    return pixmap;
}

} // namespace

QIcon stateTypeIcon(asl::StateType type, const QString &glyph)
{
    QIcon icon;
    for (const int size : {16, 20, 24, 32})
        for (const qreal ratio : {1.0, 2.0})
            icon.addPixmap(iconPixmap(type, glyph, size, ratio));
    return icon;
}

} // namespace stepwise::ui
