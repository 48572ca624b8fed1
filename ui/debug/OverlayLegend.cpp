// Swatches for In progress, Succeeded, Failed, Caught error, Cancelled, Not run.
#include "ui/debug/OverlayLegend.h"

#include <QPainter>

namespace stepwise::ui {
namespace {

constexpr RunStatus Order[] = {RunStatus::InProgress, RunStatus::Succeeded, RunStatus::Failed,
                               RunStatus::Caught, RunStatus::Cancelled, RunStatus::NotRun};

} // namespace

StatusColours statusColours(RunStatus status)
{
    switch (status) {
    case RunStatus::InProgress: return {QColor(0x09, 0x72, 0xD3), QColor(0xDD, 0xEB, 0xFA)};
    case RunStatus::Succeeded: return {QColor(0x03, 0x7F, 0x0C), QColor(0xE0, 0xF2, 0xE1)};
    case RunStatus::Failed: return {QColor(0xD9, 0x15, 0x15), QColor(0xFB, 0xE3, 0xE3)};
    case RunStatus::Caught: return {QColor(0xFF, 0x99, 0x00), QColor(0xFF, 0xEF, 0xD6)};
    case RunStatus::Cancelled: return {QColor(0x5F, 0x6B, 0x7A), QColor(0xE9, 0xEB, 0xED)};
    case RunStatus::NotRun: break;
    }
    return {QColor(0xB0, 0xB6, 0xBE), QColor(0xF6, 0xF7, 0xF8)};
}

QString statusLabel(RunStatus status)
{
    switch (status) {
    case RunStatus::InProgress: return QObject::tr("In progress");
    case RunStatus::Succeeded: return QObject::tr("Succeeded");
    case RunStatus::Failed: return QObject::tr("Failed");
    case RunStatus::Caught: return QObject::tr("Caught error");
    case RunStatus::Cancelled: return QObject::tr("Cancelled");
    case RunStatus::NotRun: break;
    }
    return QObject::tr("Not run");
}

OverlayLegend::OverlayLegend(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setToolTip(tr("Run overlay colours on the canvas; a yellow outline marks the current state"));
}

QSize OverlayLegend::sizeHint() const
{
    int width = 0;
    for (RunStatus status : Order)
        width += 24 + fontMetrics().horizontalAdvance(statusLabel(status)) + 14;
    return {width, fontMetrics().height() + 8};
}

void OverlayLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    int x = 2;
    const int h = fontMetrics().height();
    for (RunStatus status : Order) {
        const StatusColours c = statusColours(status);
        const QRectF swatch(x + 0.5, (height() - 12) / 2.0 + 0.5, 18, 12);
        painter.setPen(QPen(c.border, status == RunStatus::NotRun ? 1.0 : 1.5));
        painter.setBrush(c.fill);
        painter.drawRoundedRect(swatch, 3, 3);
        if (status == RunStatus::Cancelled) {
            painter.setBrush(QBrush(c.border, Qt::BDiagPattern));
            painter.drawRoundedRect(swatch, 3, 3);
        }
        x += 24;
        const QString label = statusLabel(status);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(x, (height() - h) / 2, 400, h), Qt::AlignVCenter, label);
        x += fontMetrics().horizontalAdvance(label) + 14;
    }
}

} // namespace stepwise::ui
