#pragma once
// The inspector (right dock): a typed form for the selected state, or the machine's own fields
// when nothing is selected. Edits commit as one undo command each, when a field's editing
// finishes; document changes refresh the form without taking focus from the field in use.
#include "core/common/Json.h"

#include <QWidget>

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

private:
    void refresh();
    void showState();
    void showMachine();
    void commitState(const Json &state);
    void commitName();

    Document *m_document;
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
