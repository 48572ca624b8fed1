#include "ui/codeview/CodeEditorTheme.h"

#include <Qsci/qscilexerjson.h>
#include <Qsci/qsciscintilla.h>

#include <QFontDatabase>
#include <QPalette>

namespace stepwise::ui {
namespace {

struct Tones
{
    QColor property, string, number, keyword, escape, error;
};

// Accents chosen to read well on white and on the dark base, in the spirit of VISUAL.md.
Tones tonesFor(bool dark)
{
    if (dark)
        return {QColor(0x9C, 0xDC, 0xFE), QColor(0xCE, 0x91, 0x78), QColor(0xB5, 0xCE, 0xA8),
                QColor(0x56, 0x9C, 0xD6), QColor(0xD7, 0xBA, 0x7D), QColor(0xF4, 0x47, 0x47)};
    return {QColor(0x0B, 0x45, 0x8A), QColor(0xA3, 0x15, 0x15), QColor(0x09, 0x86, 0x58),
            QColor(0x00, 0x00, 0xFF), QColor(0x81, 0x5B, 0x00), QColor(0xD9, 0x15, 0x15)};
}

} // namespace

void applyCodeTheme(QsciScintilla &editor, QsciLexerJSON &lexer, const QPalette &palette)
{
    const QColor paper = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const bool dark = paper.lightness() < 128;
    const Tones tones = tonesFor(dark);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    lexer.setDefaultPaper(paper);
    lexer.setDefaultColor(text);
    lexer.setDefaultFont(font);
    lexer.setPaper(paper, -1);
    lexer.setFont(font, -1);
    lexer.setColor(text, -1);
    lexer.setColor(tones.property, QsciLexerJSON::Property);
    lexer.setColor(tones.string, QsciLexerJSON::String);
    lexer.setColor(tones.error, QsciLexerJSON::UnclosedString);
    lexer.setColor(tones.number, QsciLexerJSON::Number);
    lexer.setColor(tones.keyword, QsciLexerJSON::Keyword);
    lexer.setColor(tones.escape, QsciLexerJSON::EscapeSequence);
    lexer.setColor(text, QsciLexerJSON::Operator);
    lexer.setColor(tones.error, QsciLexerJSON::Error);
    editor.setLexer(&lexer);

    const QColor margin = palette.color(QPalette::Window);
    const QColor muted = palette.color(QPalette::PlaceholderText);
    editor.setMarginsBackgroundColor(margin);
    editor.setMarginsForegroundColor(muted);
    editor.setMarginsFont(font);
    editor.setFoldMarginColors(margin, margin);
    editor.setCaretForegroundColor(text);
    editor.setCaretLineVisible(true);
    QColor caretLine = palette.color(QPalette::Highlight);
    caretLine.setAlpha(dark ? 40 : 22);
    editor.setCaretLineBackgroundColor(caretLine);
    editor.setSelectionBackgroundColor(palette.color(QPalette::Highlight));
    editor.setSelectionForegroundColor(palette.color(QPalette::HighlightedText));
    editor.setMatchedBraceBackgroundColor(caretLine);
    editor.setMatchedBraceForegroundColor(text);
    editor.setIndentationGuidesBackgroundColor(margin);
    editor.setIndentationGuidesForegroundColor(muted);
}

} // namespace stepwise::ui
