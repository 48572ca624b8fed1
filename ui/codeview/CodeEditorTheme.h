#pragma once
// Colours and fonts of the code view from the application palette: light or dark like the rest
// of the window, a monospace font, line numbers and fold margin in the window's tones.
class QPalette;
class QsciLexerJSON;
class QsciScintilla;

namespace stepwise::ui {

void applyCodeTheme(QsciScintilla &editor, QsciLexerJSON &lexer, const QPalette &palette);

} // namespace stepwise::ui
