#include "ui/canvas/CanvasStyle.h"

#include <QPalette>

namespace stepwise::ui {
namespace {

void setFonts(CanvasStyle &style)
{
    style.font = QFont();
    style.font.setPixelSize(13);
    style.smallFont = style.font;
    style.smallFont.setPixelSize(11);
    style.labelFont = style.smallFont;
}

} // namespace

CanvasStyle CanvasStyle::light()
{
    CanvasStyle s;
    s.background = QColor(0xFF, 0xFF, 0xFF);
    s.grid = QColor(0xE3, 0xE6, 0xEA);
    s.nodeFill = QColor(0xFF, 0xFF, 0xFF);
    s.nodeBorder = QColor(0xB8, 0xBF, 0xC7);
    s.text = QColor(0x1F, 0x23, 0x28);
    s.mutedText = QColor(0x6B, 0x72, 0x80);
    s.edge = QColor(0x7D, 0x86, 0x91);
    s.accent = QColor(0x09, 0x72, 0xD3);
    s.containerBorder = QColor(0x9A, 0xA3, 0xAE);
    s.containerFill = QColor(0xF6, 0xF8, 0xFA);
    s.branchFill = QColor(0xFF, 0xFF, 0xFF);
    s.branchBorder = QColor(0xDD, 0xE1, 0xE6);
    s.marker = QColor(0x41, 0x4D, 0x5C);
    setFonts(s);
    return s;
}

CanvasStyle CanvasStyle::dark()
{
    CanvasStyle s;
    s.background = QColor(0x1B, 0x1E, 0x23);
    s.grid = QColor(0x2C, 0x31, 0x38);
    s.nodeFill = QColor(0x25, 0x29, 0x30);
    s.nodeBorder = QColor(0x4B, 0x53, 0x5E);
    s.text = QColor(0xE6, 0xE8, 0xEB);
    s.mutedText = QColor(0x9C, 0xA3, 0xAF);
    s.edge = QColor(0x8B, 0x94, 0x9E);
    s.accent = QColor(0x53, 0x9F, 0xE5);
    s.containerBorder = QColor(0x6B, 0x74, 0x80);
    s.containerFill = QColor(0x21, 0x25, 0x2B);
    s.branchFill = QColor(0x1B, 0x1E, 0x23);
    s.branchBorder = QColor(0x36, 0x3C, 0x45);
    s.marker = QColor(0xC9, 0xD1, 0xD9);
    s.isDark = true;
    setFonts(s);
    return s;
}

CanvasStyle CanvasStyle::fromPalette(const QPalette &palette)
{
    CanvasStyle style = palette.color(QPalette::Base).lightness() < 128 ? dark() : light();
    style.background = palette.color(QPalette::Base);
    return style;
}

QColor CanvasStyle::typeColor(asl::StateType type)
{
    switch (type) {
    case asl::StateType::Task:
        return QColor(0xE0, 0x7B, 0x00);
    case asl::StateType::Choice:
        return QColor(0x7B, 0x61, 0xFF);
    case asl::StateType::Parallel:
        return QColor(0x0F, 0x7B, 0x8A);
    case asl::StateType::Map:
        return QColor(0x1F, 0x6F, 0xD1);
    case asl::StateType::Wait:
        return QColor(0x8A, 0x6D, 0x3B);
    case asl::StateType::Pass:
        return QColor(0x6B, 0x72, 0x80);
    case asl::StateType::Succeed:
        return QColor(0x1E, 0x8E, 0x3E);
    case asl::StateType::Fail:
        return QColor(0xC5, 0x22, 0x1F);
    }
    return QColor(0x6B, 0x72, 0x80);
}

QString CanvasStyle::typeGlyph(asl::StateType type)
{
    // Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map (the StateType order).
    static const char16_t glyphs[] = {u'→', u'T', u'?', u'◷', u'✓', u'✕', u'‖', u'M'};
    return QString(QChar(glyphs[static_cast<int>(type)]));
}

QColor CanvasStyle::runBorder(RunStatus status)
{
    switch (status) {
    case RunStatus::InProgress:
        return QColor(0x09, 0x72, 0xD3);
    case RunStatus::Succeeded:
        return QColor(0x03, 0x7F, 0x0C);
    case RunStatus::Failed:
        return QColor(0xD9, 0x15, 0x15);
    case RunStatus::Caught:
        return QColor(0xFF, 0x99, 0x00);
    case RunStatus::Cancelled:
        return QColor(0x5F, 0x6B, 0x7A);
    case RunStatus::NotRun:
        break;
    }
    return QColor(0x9A, 0xA3, 0xAE);
}

QColor CanvasStyle::runFill(RunStatus status) const
{
    if (status == RunStatus::NotRun)
        return nodeFill;
    const QColor border = runBorder(status);
    const float mix = isDark ? 0.28f : 0.12f; // light tint on white, a deeper one on dark grey
    return QColor::fromRgbF(nodeFill.redF() + (border.redF() - nodeFill.redF()) * mix,
                            nodeFill.greenF() + (border.greenF() - nodeFill.greenF()) * mix,
                            nodeFill.blueF() + (border.blueF() - nodeFill.blueF()) * mix);
}

} // namespace stepwise::ui
