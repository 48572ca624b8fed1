#pragma once
// The inspector (right dock): a typed form for the selected state, or the machine's own fields
// when nothing is selected. Edits commit as one undo command each, when a field's editing
// finishes; document changes refresh the form without taking focus from the field in use.
#include "core/common/Json.h"
#include "ui/debug/VisitContext.h"

#include <QWidget>

#include <functional>
#include <optional>
#include <string>
#include <vector>

class QLabel;
class QLineEdit;
class QScrollArea;
class QStackedWidget;

namespace stepwise::ui {

class Document;
class FieldForm;
class StateForm;

class InspectorPanel : public QWidget
{
    Q_OBJECT
public:
    explicit InspectorPanel(Document *document, QWidget *parent = nullptr);

    // Follows the canvas selection (CanvasScene::selectedIds()): one state shows its form,
    // none the machine's fields, several a count.
    void setSelection(const std::vector<std::string> &ids);
    // The state shown ("" when the machine or a multi-selection is shown).
    const std::string &currentId() const { return m_currentId; }
    StateForm *stateForm() const { return m_stateForm; }
    FieldForm *machineForm() const { return m_machineForm; }
    QLineEdit *nameEdit() const { return m_name; }
    // Shows the field at `jsonPointer` (a problem's location, e.g. "/States/Pay/Retry/0/
    // ErrorEquals"): selects its state (or the machine), brings list and rule editors to the
    // element and focuses the field's editor. Returns the focused widget, or nullptr when the
    // pointer names no field the inspector edits (the state is still shown).
    QWidget *focusField(const std::string &jsonPointer);
    // Where JSONata previews take the selected state's input from (the debugger's latest visit
    // at the time cursor, else the run input for the first state); `statePointer` is the node
    // id. Without a provider, fields only check their expressions.
    using VisitProvider = std::function<std::optional<VisitContext>(const std::string &statePointer)>;
    void setVisitProvider(VisitProvider provider);
    // Re-evaluates the previews (the run moved on, the time cursor moved).
    void refreshPreview();
    // The state that holds `jsonPointer` ("" for a top-level field).
    std::string stateIdAt(const std::string &jsonPointer) const;

private:
    void refresh();
    void showState();
    void showMachine();
    void commitState(const Json &state);
    void commitName();

    Document *m_document;
    VisitProvider m_visitProvider;
    std::string m_currentId;
    int m_selectionCount = 0;
    QStackedWidget *m_stack;
    // Machine page.
    FieldForm *m_machineForm;
    QLabel *m_machineTitle;
    // State page.
    QWidget *m_statePage;
    QLabel *m_icon;
    QLineEdit *m_name;
    QLabel *m_type;
    QLabel *m_nameError;
    QLabel *m_problems;
    QScrollArea *m_scroll;
    StateForm *m_stateForm = nullptr;
    // Several selected.
    QLabel *m_multi;
};

} // namespace stepwise::ui
