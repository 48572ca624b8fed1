#pragma once
// The inspector's form for each state type (ASL spec §1.5 field matrix): sections of fields,
// each a FieldForm over the whole state object, plus the composite editors (Choice rules, Retry,
// Catch, Parallel branches). The ASL field names are the labels, as in the AWS documentation.
#include "core/asl/States.h"
#include "core/common/Json.h"
#include "ui/debug/VisitContext.h"
#include "ui/inspector/FieldSpec.h"

#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

class QVBoxLayout;

namespace stepwise::ui {

class FieldForm;
class ChoiceRulesEditor;
class ObjectListEditor;

class StateForm : public QWidget
{
    Q_OBJECT
public:
    // `uniqueName` gives an unused state name (for a new Parallel branch's first state).
    StateForm(asl::StateType type, std::function<std::string(const std::string &)> uniqueName,
              QWidget *parent = nullptr);

    asl::StateType type() const { return m_type; }
    void load(const Json &state, const QStringList &stateNames, FieldLanguage language);
    const std::vector<FieldForm *> &sections() const { return m_forms; }
    ChoiceRulesEditor *choiceRules() const { return m_choices; }
    ObjectListEditor *retryEditor() const { return m_retry; }
    ObjectListEditor *catchEditor() const { return m_catch; }
    // Focuses the field at `tokens` (pointer segments inside the state); the widget that took
    // focus, or nullptr when no section has that field.
    QWidget *focusField(const std::vector<std::string> &tokens);
    // The JSONata preview input of every field (nullopt: the state has not run).
    void setVisit(const std::optional<VisitContext> &visit);

signals:
    // The whole state object after one committed field edit.
    void edited(const Json &state);

private:
    FieldForm *addSection(const QString &title, const std::vector<FieldSpec> &fields);

    asl::StateType m_type;
    QVBoxLayout *m_layout;
    std::vector<FieldForm *> m_forms;
    ChoiceRulesEditor *m_choices = nullptr;
    ObjectListEditor *m_retry = nullptr;
    ObjectListEditor *m_catch = nullptr;
};

// Known Task resources for the Resource picker (service integrations, optimised and SDK).
QStringList knownTaskResources();

// The top-level machine's fields (nothing selected).
std::vector<FieldSpec> machineFieldSpecs();

} // namespace stepwise::ui
