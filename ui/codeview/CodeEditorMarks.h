#pragma once
// What the code view draws over the text: problems (a margin marker, a squiggle under the
// located text, and for text that does not parse a message under the line) and the highlight
// of the revealed state.
#include "core/common/Diagnostic.h"

#include <cstddef>
#include <vector>

class QsciScintilla;

namespace stepwise::ui {

class JsonLocator;

class CodeEditorMarks
{
public:
    explicit CodeEditorMarks(QsciScintilla *editor);

    // Marks `diagnostics`, located by their line/column when they have one, else by pointer.
    // `annotate` also writes each message under its line.
    void showProblems(const std::vector<Diagnostic> &diagnostics, const JsonLocator &locator,
                      bool annotate);
    void clearProblems();
    void highlight(std::size_t start, std::size_t end);
    void clearHighlight();
    // Lines (zero-based) carrying an error or a warning marker.
    std::vector<int> markedLines() const;

private:
    struct Range
    {
        int line = -1;
        long start = 0;
        long end = 0;
    };
    Range locate(const Diagnostic &diagnostic, const JsonLocator &locator) const;
    void defineLook();

    QsciScintilla *m_editor;
    int m_errorMarker = 0;
    int m_warningMarker = 1;
    int m_errorIndicator = 8;
    int m_warningIndicator = 9;
    int m_highlightIndicator = 10;
};

} // namespace stepwise::ui
