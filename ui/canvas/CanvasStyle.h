#pragma once
// The canvas's colours and fonts (VISUAL.md), light or dark. Injected into items; never global.
#include "core/asl/States.h"
#include "ui/canvas/RunOverlay.h"

#include <QColor>
#include <QFont>
#include <QString>

class QPalette;

namespace stepwise::ui {

struct CanvasStyle
{
    QColor background;
    QColor grid;
    QColor nodeFill;
    QColor nodeBorder;
    QColor text;
    QColor mutedText;
    QColor edge;
    QColor accent; // selection outline
    QColor containerBorder;
    QColor containerFill;
    QColor branchFill;
    QColor branchBorder;
    QColor marker;
    QColor errorBadge{0xC5, 0x22, 0x1F};
    QColor warningBadge{0xE0, 0x7B, 0x00};
    QColor pausedOutline{0xF2, 0xC9, 0x4C}; // the state the debugger stands on
    QColor breakpoint{0xD9, 0x15, 0x15};
    bool isDark = false;
    QFont font;
    QFont smallFont;
    QFont labelFont;

    static CanvasStyle light();
    static CanvasStyle dark();
    // Light or dark, whichever matches the palette's base colour.
    static CanvasStyle fromPalette(const QPalette &palette);
    // The type accent: a 4 px bar on the node's left edge and the icon colour.
    static QColor typeColor(asl::StateType type);
    // A one-character glyph for the type icon.
    static QString typeGlyph(asl::StateType type);
    // Run overlay (VISUAL.md "Execution overlay"): the status border, and a fill tinted towards
    // it that reads on this theme's node colour.
    static QColor runBorder(RunStatus status);
    QColor runFill(RunStatus status) const;
};

} // namespace stepwise::ui
