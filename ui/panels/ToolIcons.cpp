#include "ui/panels/ToolIcons.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

namespace stepwise::ui {
namespace {

// Paths on a 24 × 24 grid, stroked 1.6 units wide.
QPainterPath pathFor(ToolIcon icon)
{
    QPainterPath p;
    const auto magnifier = [&p] {
        p.addEllipse(QPointF(10, 10), 6, 6);
        p.moveTo(14.5, 14.5);
        p.lineTo(20, 20);
    };
    switch (icon) {
    case ToolIcon::New:
        p.moveTo(6, 3); p.lineTo(14, 3); p.lineTo(19, 8); p.lineTo(19, 21); p.lineTo(6, 21);
        p.closeSubpath();
        p.moveTo(14, 3); p.lineTo(14, 8); p.lineTo(19, 8);
        break;
    case ToolIcon::Open:
        p.moveTo(3, 19); p.lineTo(3, 5); p.lineTo(9, 5); p.lineTo(11, 7); p.lineTo(19, 7);
        p.lineTo(19, 10);
        p.moveTo(3, 19); p.lineTo(7, 10); p.lineTo(22, 10); p.lineTo(18, 19); p.closeSubpath();
        break;
    case ToolIcon::Save:
        p.moveTo(4, 4); p.lineTo(17, 4); p.lineTo(20, 7); p.lineTo(20, 20); p.lineTo(4, 20);
        p.closeSubpath();
        p.addRect(QRectF(8, 4, 7, 5));
        p.addRect(QRectF(7, 13, 10, 7));
        break;
    case ToolIcon::Undo:
    case ToolIcon::Redo:
        p.moveTo(8, 5); p.lineTo(4, 9); p.lineTo(8, 13);
        p.moveTo(4, 9); p.lineTo(14, 9);
        p.cubicTo(22, 9, 22, 20, 14, 20);
        p.lineTo(9, 20);
        if (icon == ToolIcon::Redo)
            p = QTransform(-1, 0, 0, 1, 24, 0).map(p);
        break;
    case ToolIcon::ZoomIn:
        magnifier();
        p.moveTo(7, 10); p.lineTo(13, 10);
        p.moveTo(10, 7); p.lineTo(10, 13);
        break;
    case ToolIcon::ZoomOut:
        magnifier();
        p.moveTo(7, 10); p.lineTo(13, 10);
        break;
    case ToolIcon::ActualSize:
        magnifier();
        p.moveTo(8.5, 8); p.lineTo(9.5, 7); p.lineTo(9.5, 13);
        p.addEllipse(QPointF(11.8, 8.8), 0.4, 0.4);
        p.addEllipse(QPointF(11.8, 11.8), 0.4, 0.4);
        break;
    case ToolIcon::FitToView:
        p.moveTo(3, 8); p.lineTo(3, 3); p.lineTo(8, 3);
        p.moveTo(16, 3); p.lineTo(21, 3); p.lineTo(21, 8);
        p.moveTo(21, 16); p.lineTo(21, 21); p.lineTo(16, 21);
        p.moveTo(8, 21); p.lineTo(3, 21); p.lineTo(3, 16);
        p.addRoundedRect(QRectF(8, 9, 8, 6), 1.5, 1.5);
        break;
    }
    return p;
}

class PathIconEngine : public QIconEngine
{
public:
    explicit PathIconEngine(ToolIcon icon) : m_icon(icon) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const QPalette palette = QApplication::palette();
        QColor color = palette.color(mode == QIcon::Disabled ? QPalette::Disabled : QPalette::Active,
                                     QPalette::WindowText);
        if (mode == QIcon::Disabled)
            color.setAlphaF(0.45f);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const qreal side = std::min(rect.width(), rect.height());
        painter->translate(rect.center() - QPointF(side / 2, side / 2) + QPointF(0.5, 0.5));
        painter->scale(side / 24.0, side / 24.0);
        painter->setPen(QPen(color, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(pathFor(m_icon));
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        QPixmap pixmap(size * scale);
        pixmap.setDevicePixelRatio(scale);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pixmap;
    }

    QIconEngine *clone() const override { return new PathIconEngine(m_icon); }

private:
    ToolIcon m_icon;
};

const char *themeName(ToolIcon icon)
{
    switch (icon) {
    case ToolIcon::New: return "document-new";
    case ToolIcon::Open: return "document-open";
    case ToolIcon::Save: return "document-save";
    case ToolIcon::Undo: return "edit-undo";
    case ToolIcon::Redo: return "edit-redo";
    case ToolIcon::ZoomIn: return "zoom-in";
    case ToolIcon::ZoomOut: return "zoom-out";
    case ToolIcon::ActualSize: return "zoom-original";
    case ToolIcon::FitToView: return "zoom-fit-best";
    }
    return "";
}

} // namespace

QIcon toolIcon(ToolIcon icon)
{
    const QString name = QString::fromLatin1(themeName(icon));
    if (QIcon::hasThemeIcon(name))
        return QIcon::fromTheme(name);
    return QIcon(new PathIconEngine(icon));
}

} // namespace stepwise::ui
