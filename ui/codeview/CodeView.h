#pragma once
// The whole definition as JSON text (QScintilla, JSON lexer), synced both ways with the Document:
// a document change rewrites only the text that differs (caret and scroll stay put); a valid text
// edit becomes one ReplaceMachineCommand after a short pause; text that does not parse shows its
// errors at their lines and leaves the document alone. YAML files are shown as JSON too (the
// file keeps its format when saved).
#include "core/common/Diagnostic.h"

#include <QString>
#include <QWidget>

#include <string>
#include <vector>

class QLabel;
class QTimer;
class QsciScintilla;

namespace stepwise::ui {

class Document;
class CodeEditorMarks;

class CodeView : public QWidget
{
    Q_OBJECT
public:
    CodeView(Document *document, QWidget *parent = nullptr);
    ~CodeView() override;

    QsciScintilla *editor() const { return m_editor; }
    // The text when the document has no machine (a file that does not parse): shown as is so
    // it can be fixed here.
    void setSourceText(const QString &text);
    // Caret and scroll to the top (a file was just opened), without selecting anything.
    void showFromTop();
    // Applies a pending text edit now instead of after the pause (no-op without one).
    void applyNow();
    bool hasPendingEdit() const;
    // Whether the text currently fails to parse (the document is then not following it).
    bool hasTextErrors() const { return !m_textErrors.empty(); }
    QString statusText() const;
    void setApplyDelay(int milliseconds);

    // Scrolls the text to `pointer` (a state's JSON Pointer, say) and highlights it.
    void revealPointer(const std::string &pointer);
    // The zero-based line where `pointer` starts, or -1.
    int lineOfPointer(const std::string &pointer) const;

signals:
    // The caret moved into the value at `pointer` (the user clicked or typed there).
    void caretPointerChanged(const std::string &pointer);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void documentChanged();
    void textEdited();
    void caretMoved();
    void replaceText(const std::string &text);
    void showDiagnostics();
    void showStatus();
    std::string currentText() const;

    Document *m_document;
    QsciScintilla *m_editor;
    CodeEditorMarks *m_marks;
    QLabel *m_status;
    QTimer *m_applyTimer;
    std::vector<Diagnostic> m_textErrors; // why the text is not applied
    bool m_updatingText = false;          // text set from the document, not typed
    bool m_textEdited = false;            // typed since the text last matched the document
    std::string m_lastCaretPointer;
};

} // namespace stepwise::ui
