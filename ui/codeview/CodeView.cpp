#include "ui/codeview/CodeView.h"

#include "core/asl/Parser.h"
#include "core/asl/Serializer.h"
#include "ui/codeview/CodeEditorMarks.h"
#include "ui/codeview/CodeEditorTheme.h"
#include "ui/codeview/JsonLocator.h"
#include "ui/commands/ReplaceMachineCommand.h"
#include "ui/document/Document.h"

#include <Qsci/qscilexerjson.h>
#include <Qsci/qsciscintilla.h>

#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace stepwise::ui {
namespace {

constexpr int defaultApplyDelayMs = 600;

// A parse failure as a diagnostic the marks can place (line/column, else pointer).
Diagnostic textError(const asl::ParseError &error)
{
    Diagnostic diagnostic;
    diagnostic.code = error.line > 0 ? "INVALID_JSON" : "SCHEMA_VALIDATION_FAILED";
    diagnostic.path = error.pointer;
    diagnostic.message = error.message;
    diagnostic.line = error.line;
    diagnostic.column = error.column;
    return diagnostic;
}

bool isUndoOrRedo(const QKeyEvent *event)
{
    return event->matches(QKeySequence::Undo) || event->matches(QKeySequence::Redo);
}

} // namespace

CodeView::CodeView(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_editor(new QsciScintilla(this)),
      m_marks(nullptr), m_status(new QLabel(this)), m_applyTimer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_status);
    m_status->setWordWrap(true);
    m_status->setContentsMargins(6, 2, 6, 4);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_editor->setUtf8(true);
    auto *lexer = new QsciLexerJSON(m_editor);
    lexer->setFoldCompact(false);
    applyCodeTheme(*m_editor, *lexer, palette());
    m_editor->setMarginType(0, QsciScintilla::NumberMargin);
    m_editor->setMarginLineNumbers(0, true);
    m_editor->setMarginWidth(0, QStringLiteral("00000"));
    m_editor->setFolding(QsciScintilla::BoxedTreeFoldStyle, 2);
    m_editor->setBraceMatching(QsciScintilla::SloppyBraceMatch);
    m_editor->setIndentationsUseTabs(false);
    m_editor->setIndentationWidth(2);
    m_editor->setAutoIndent(true);
    m_editor->setIndentationGuides(true);
    m_editor->setTabWidth(2);
    m_editor->setWrapMode(QsciScintilla::WrapNone);
    // One history for the whole window: the editor's own undo is off and Ctrl+Z in the editor
    // goes to the document's undo stack (see eventFilter).
    m_editor->SendScintilla(QsciScintilla::SCI_SETUNDOCOLLECTION, 0UL);
    m_editor->installEventFilter(this);
    m_marks = new CodeEditorMarks(m_editor);

    m_applyTimer->setSingleShot(true);
    m_applyTimer->setInterval(defaultApplyDelayMs);
    connect(m_applyTimer, &QTimer::timeout, this, &CodeView::applyNow);
    connect(m_editor, &QsciScintilla::textChanged, this, &CodeView::textEdited);
    connect(m_editor, &QsciScintilla::cursorPositionChanged, this, &CodeView::caretMoved);
    connect(document, &Document::machineChanged, this, &CodeView::documentChanged);
    connect(document, &Document::diagnosticsChanged, this, &CodeView::showDiagnostics);
    documentChanged();
}

CodeView::~CodeView()
{
    delete m_marks;
}

void CodeView::setApplyDelay(int milliseconds)
{
    m_applyTimer->setInterval(milliseconds);
}

bool CodeView::hasPendingEdit() const
{
    return m_textEdited;
}

std::string CodeView::currentText() const
{
    return m_editor->text().toStdString();
}

void CodeView::showFromTop()
{
    m_updatingText = true;
    m_editor->setCursorPosition(0, 0);
    m_editor->setFirstVisibleLine(0);
    m_updatingText = false;
}

void CodeView::setSourceText(const QString &text)
{
    m_applyTimer->stop();
    m_textEdited = false;
    replaceText(text.toStdString());
    showDiagnostics();
}

void CodeView::documentChanged()
{
    if (!m_document->hasMachine())
        return; // a file that does not parse: MainWindow hands us its text (setSourceText)
    m_applyTimer->stop();
    m_textEdited = false;
    // Text that already means this machine stays as the user wrote it (their spacing, caret).
    const Json current = asl::toJson(m_document->machine());
    auto parsed = asl::parseDocument(currentText(), asl::SourceFormat::Json);
    if (!parsed || parsed.value() != current)
        replaceText(asl::serialize(m_document->machine()));
    m_textErrors.clear();
    showDiagnostics();
}

// Rewrites only the stretch that differs between the old and the new text, so Scintilla keeps
// the caret, the selection and the scroll position where the user left them.
void CodeView::replaceText(const std::string &text)
{
    const std::string old = currentText();
    if (old == text)
        return;
    std::size_t prefix = 0;
    const std::size_t shortest = std::min(old.size(), text.size());
    while (prefix < shortest && old[prefix] == text[prefix])
        ++prefix;
    std::size_t suffix = 0;
    while (suffix < shortest - prefix &&
           old[old.size() - 1 - suffix] == text[text.size() - 1 - suffix])
        ++suffix;
    const std::string middle = text.substr(prefix, text.size() - prefix - suffix);
    m_updatingText = true;
    const bool readOnly = m_editor->isReadOnly();
    m_editor->setReadOnly(false);
    m_editor->SendScintilla(QsciScintilla::SCI_SETTARGETSTART, static_cast<unsigned long>(prefix));
    m_editor->SendScintilla(QsciScintilla::SCI_SETTARGETEND,
                            static_cast<unsigned long>(old.size() - suffix));
    m_editor->SendScintilla(QsciScintilla::SCI_REPLACETARGET,
                            static_cast<unsigned long>(middle.size()), middle.c_str());
    m_editor->setReadOnly(readOnly);
    m_updatingText = false;
}

void CodeView::textEdited()
{
    if (m_updatingText)
        return;
    m_textEdited = true;
    m_applyTimer->start();
    showStatus();
}

void CodeView::applyNow()
{
    m_applyTimer->stop();
    if (!m_textEdited)
        return; // nothing typed since the text last matched the document
    m_textEdited = false;
    const std::string text = currentText();
    auto machine = asl::parse(text, asl::SourceFormat::Json);
    if (!machine) {
        m_textErrors = {textError(machine.error())};
        showDiagnostics();
        return;
    }
    m_textErrors.clear();
    if (!m_document->hasMachine()) {
        // Fixing a file that did not parse: the fixed machine becomes the document, unsaved.
        m_document->reset(std::move(machine).value(), {}, m_document->filePath());
        m_document->undoStack()->resetClean();
        return;
    }
    if (asl::toJson(machine.value()) == asl::toJson(m_document->machine())) {
        showDiagnostics(); // only spacing changed
        return;
    }
    m_document->undoStack()->push(new ReplaceMachineCommand(
        m_document, std::move(machine).value(), tr("Edit definition in the code view")));
}

void CodeView::showDiagnostics()
{
    const JsonLocator locator(currentText());
    if (!m_textErrors.empty())
        m_marks->showProblems(m_textErrors, locator, true);
    else
        m_marks->showProblems(m_document->diagnostics(), locator, false);
    showStatus();
}

void CodeView::showStatus()
{
    m_status->setText(statusText());
    const bool problem = !m_textErrors.empty();
    m_status->setStyleSheet(problem ? QStringLiteral("color: #D91515;") : QString());
}

QString CodeView::statusText() const
{
    if (!m_textErrors.empty()) {
        const Diagnostic &error = m_textErrors.front();
        const QString where = error.line > 0 ? tr("Line %1, column %2").arg(error.line).arg(error.column)
                                             : QString::fromStdString(error.path);
        return tr("Not applied — %1: %2").arg(where, QString::fromStdString(error.message));
    }
    if (hasPendingEdit())
        return tr("Editing… changes apply when you pause typing.");
    if (!m_document->hasMachine())
        return tr("This text is not a state machine yet; fix it here to open it.");
    const auto problems = m_document->diagnostics().size();
    return problems == 0 ? tr("In sync with the diagram.")
                         : tr("In sync with the diagram; %n problem(s) marked.", nullptr,
                              static_cast<int>(problems));
}

int CodeView::lineOfPointer(const std::string &pointer) const
{
    const JsonLocator locator(currentText());
    const auto span = locator.find(pointer);
    if (!span)
        return -1;
    int line = 0;
    int index = 0;
    m_editor->lineIndexFromPosition(static_cast<int>(span->keyStart), &line, &index);
    return line;
}

void CodeView::revealPointer(const std::string &pointer)
{
    const JsonLocator locator(currentText());
    const auto span = locator.nearest(pointer);
    if (!span || span->pointer.empty()) {
        m_marks->clearHighlight();
        return;
    }
    int first = 0;
    int last = 0;
    int index = 0;
    m_editor->lineIndexFromPosition(static_cast<int>(span->keyStart), &first, &index);
    m_editor->lineIndexFromPosition(static_cast<int>(span->end), &last, &index);
    m_marks->highlight(span->keyStart, span->end);
    // Show the whole state when it fits, else its first lines; never jump if already visible.
    const int top = m_editor->firstVisibleLine();
    const int visible = std::max(1, static_cast<int>(m_editor->SendScintilla(
                                        QsciScintilla::SCI_LINESONSCREEN)));
    if (first < top || last >= top + visible)
        m_editor->setFirstVisibleLine(std::max(0, last - first < visible ? first - 2 : first - 1));
    m_lastCaretPointer = span->pointer;
}

void CodeView::caretMoved()
{
    if (m_updatingText)
        return; // only the user's own caret moves select things elsewhere
    int line = 0;
    int index = 0;
    m_editor->getCursorPosition(&line, &index);
    const JsonLocator locator(currentText());
    const std::string pointer =
        locator.pointerAt(static_cast<std::size_t>(m_editor->positionFromLineIndex(line, index)));
    if (pointer == m_lastCaretPointer)
        return;
    m_lastCaretPointer = pointer;
    emit caretPointerChanged(pointer);
}

bool CodeView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::ShortcutOverride &&
        isUndoOrRedo(static_cast<QKeyEvent *>(event))) {
        event->accept(); // ours, not the window's: a pending edit must land first
        return true;
    }
    if (watched == m_editor && event->type() == QEvent::KeyPress &&
        isUndoOrRedo(static_cast<QKeyEvent *>(event))) {
        const bool undo = static_cast<QKeyEvent *>(event)->matches(QKeySequence::Undo);
        if (hasPendingEdit())
            applyNow();
        if (undo)
            m_document->undoStack()->undo();
        else
            m_document->undoStack()->redo();
        return true;
    }
    if (watched == m_editor && event->type() == QEvent::FocusOut && hasPendingEdit())
        applyNow();
    return QWidget::eventFilter(watched, event);
}

void CodeView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        if (auto *lexer = qobject_cast<QsciLexerJSON *>(m_editor->lexer()))
            applyCodeTheme(*m_editor, *lexer, palette());
        showDiagnostics();
    }
    QWidget::changeEvent(event);
}

} // namespace stepwise::ui
