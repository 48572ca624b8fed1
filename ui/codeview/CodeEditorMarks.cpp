#include "ui/codeview/CodeEditorMarks.h"

#include "ui/codeview/JsonLocator.h"

#include <Qsci/qsciscintilla.h>

#include <QColor>

#include <algorithm>

namespace stepwise::ui {
namespace {

const QColor errorColor(0xD9, 0x15, 0x15);
const QColor warningColor(0xE0, 0x7B, 0x00);
const QColor highlightColor(0x1F, 0x6F, 0xD1);
constexpr int symbolMargin = 1;
constexpr int annotationStyle = 200; // beyond the lexer's styles

} // namespace

CodeEditorMarks::CodeEditorMarks(QsciScintilla *editor) : m_editor(editor)
{
    defineLook();
}

void CodeEditorMarks::defineLook()
{
    m_editor->setMarginType(symbolMargin, QsciScintilla::SymbolMargin);
    m_editor->setMarginWidth(symbolMargin, 14);
    m_editor->setMarginMarkerMask(symbolMargin, (1 << m_errorMarker) | (1 << m_warningMarker));
    m_errorMarker = m_editor->markerDefine(QsciScintilla::Circle, m_errorMarker);
    m_editor->setMarkerBackgroundColor(errorColor, m_errorMarker);
    m_editor->setMarkerForegroundColor(errorColor, m_errorMarker);
    m_warningMarker = m_editor->markerDefine(QsciScintilla::Circle, m_warningMarker);
    m_editor->setMarkerBackgroundColor(warningColor, m_warningMarker);
    m_editor->setMarkerForegroundColor(warningColor, m_warningMarker);

    m_editor->indicatorDefine(QsciScintilla::SquiggleIndicator, m_errorIndicator);
    m_editor->setIndicatorForegroundColor(errorColor, m_errorIndicator);
    m_editor->indicatorDefine(QsciScintilla::SquiggleIndicator, m_warningIndicator);
    m_editor->setIndicatorForegroundColor(warningColor, m_warningIndicator);
    m_editor->indicatorDefine(QsciScintilla::FullBoxIndicator, m_highlightIndicator);
    QColor soft = highlightColor;
    soft.setAlpha(40);
    m_editor->setIndicatorForegroundColor(soft, m_highlightIndicator);
    m_editor->setIndicatorOutlineColor(highlightColor, m_highlightIndicator);
    m_editor->setAnnotationDisplay(QsciScintilla::AnnotationBoxed);
}

CodeEditorMarks::Range CodeEditorMarks::locate(const Diagnostic &diagnostic,
                                               const JsonLocator &locator) const
{
    Range range;
    const long length = m_editor->length();
    if (diagnostic.line > 0) {
        range.line = std::min(diagnostic.line - 1, std::max(0, m_editor->lines() - 1));
        // The parser's column counts bytes, as Scintilla positions do.
        range.start = m_editor->SendScintilla(QsciScintilla::SCI_POSITIONFROMLINE,
                                              static_cast<unsigned long>(range.line)) +
                      std::max(0, diagnostic.column - 1);
    } else if (auto span = locator.nearest(diagnostic.path)) {
        range.start = static_cast<long>(span->keyStart);
        int index = 0;
        m_editor->lineIndexFromPosition(static_cast<int>(range.start), &range.line, &index);
        range.end = std::min(static_cast<long>(span->end), length);
    } else {
        range.line = 0;
    }
    // Underline to the end of the located line at most: a whole state would be a wall of red.
    const long lineEnd = m_editor->SendScintilla(QsciScintilla::SCI_GETLINEENDPOSITION,
                                                 static_cast<unsigned long>(range.line));
    if (range.end <= range.start || range.end > lineEnd)
        range.end = lineEnd;
    if (range.end <= range.start) // an empty line or the end of the text: mark one character
        range.start = std::max(0L, range.end - 1);
    return range;
}

void CodeEditorMarks::showProblems(const std::vector<Diagnostic> &diagnostics,
                                   const JsonLocator &locator, bool annotate)
{
    clearProblems();
    std::vector<std::pair<int, QString>> notes;
    for (const Diagnostic &diagnostic : diagnostics) {
        const Range range = locate(diagnostic, locator);
        const bool error = diagnostic.severity == Severity::Error;
        m_editor->markerAdd(range.line, error ? m_errorMarker : m_warningMarker);
        const int indicator = error ? m_errorIndicator : m_warningIndicator;
        m_editor->SendScintilla(QsciScintilla::SCI_SETINDICATORCURRENT, indicator);
        m_editor->SendScintilla(QsciScintilla::SCI_INDICATORFILLRANGE,
                                static_cast<unsigned long>(range.start), range.end - range.start);
        if (annotate)
            notes.emplace_back(range.line, QString::fromStdString(diagnostic.message));
    }
    for (const auto &[line, text] : notes) {
        const QString existing = m_editor->annotation(line);
        m_editor->annotate(line, existing.isEmpty() ? text : existing + QLatin1Char('\n') + text,
                           annotationStyle);
    }
    if (!notes.empty()) {
        // The message sits on a faint red band blended into the paper, readable in both themes.
        const QColor paper = m_editor->paper();
        const auto mix = [](int a, int b) { return (a * 88 + b * 12) / 100; };
        const QColor band(mix(paper.red(), errorColor.red()), mix(paper.green(), errorColor.green()),
                          mix(paper.blue(), errorColor.blue()));
        m_editor->SendScintilla(QsciScintilla::SCI_STYLESETFORE, annotationStyle,
                                paper.lightness() < 128 ? QColor(0xFF, 0x8A, 0x80) : errorColor);
        m_editor->SendScintilla(QsciScintilla::SCI_STYLESETBACK, annotationStyle, band);
    }
}

void CodeEditorMarks::clearProblems()
{
    m_editor->markerDeleteAll(m_errorMarker);
    m_editor->markerDeleteAll(m_warningMarker);
    const long length = m_editor->length();
    for (int indicator : {m_errorIndicator, m_warningIndicator}) {
        m_editor->SendScintilla(QsciScintilla::SCI_SETINDICATORCURRENT, indicator);
        m_editor->SendScintilla(QsciScintilla::SCI_INDICATORCLEARRANGE, 0UL, length);
    }
    m_editor->clearAnnotations();
}

void CodeEditorMarks::highlight(std::size_t start, std::size_t end)
{
    clearHighlight();
    m_editor->SendScintilla(QsciScintilla::SCI_SETINDICATORCURRENT, m_highlightIndicator);
    m_editor->SendScintilla(QsciScintilla::SCI_INDICATORFILLRANGE, static_cast<unsigned long>(start),
                            static_cast<long>(end - start));
}

void CodeEditorMarks::clearHighlight()
{
    m_editor->SendScintilla(QsciScintilla::SCI_SETINDICATORCURRENT, m_highlightIndicator);
    m_editor->SendScintilla(QsciScintilla::SCI_INDICATORCLEARRANGE, 0UL, m_editor->length());
}

std::vector<int> CodeEditorMarks::markedLines() const
{
    std::vector<int> lines;
    const unsigned mask = (1U << m_errorMarker) | (1U << m_warningMarker);
    for (int line = m_editor->markerFindNext(0, mask); line >= 0;
         line = m_editor->markerFindNext(line + 1, mask))
        lines.push_back(line);
    return lines;
}

} // namespace stepwise::ui
