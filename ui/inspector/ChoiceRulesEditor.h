#pragma once
// The Choice rules editor (ASL spec §6): a tree of rules (top-level rules with their Next,
// nested And / Or / Not, JSONata Conditions) with add, nest, remove and reorder, and a form for
// the selected rule whose operator picker offers only the operators valid for the chosen
// operand type (String, Number, Boolean, Timestamp, or a type test).
#include "ui/inspector/FieldWidget.h"

class QComboBox;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;
class QToolButton;
class QFormLayout;

namespace stepwise::ui {

class JsonEdit;

class ChoiceRulesEditor : public FieldWidget
{
    Q_OBJECT
public:
    explicit ChoiceRulesEditor(QWidget *parent = nullptr);

    void setStateNames(const QStringList &names) override;
    void setLanguage(FieldLanguage language);

    // Operations on the selected rule (also used by tests).
    void addRule();
    void addNested();
    void removeCurrent();
    void moveCurrent(int delta);
    bool selectRule(const QString &pointer); // "/0", "/0/And/1", "/1/Not"
    QString currentPointer() const;
    int topLevelCount() const;
    // The operator choices the picker offers for an operand type ("String", "Number", ...).
    QStringList operatorsFor(const QString &operandType) const;
    void setOperandType(const QString &operandType);
    void setOperator(const QString &op);
    void setKind(const QString &kind); // "Compare", "And", "Or", "Not", "Condition"
    void setVariable(const QString &variable);
    void setValueText(const QString &value);
    void setComparePath(bool path);
    void setNext(const QString &next);

protected:
    void display(const std::optional<Json> &value) override;
    std::optional<Json> displayed() const override;

private:
    Json *ruleAt(const QString &pointer);
    void rebuildTree();
    void addItems(QTreeWidgetItem *parent, const Json &rule, const QString &pointer);
    void showCurrent();
    void fillOperators();
    void writeDetail();
    void commitRules();

    Json m_rules = Json::array();
    FieldLanguage m_language = FieldLanguage::JSONPath;
    bool m_loading = false;
    QTreeWidget *m_tree;
    QToolButton *m_nest;
    QToolButton *m_remove;
    QToolButton *m_up;
    QToolButton *m_down;
    QWidget *m_detail;
    QFormLayout *m_form;
    QComboBox *m_kind;
    QLineEdit *m_variable;
    QComboBox *m_operandType;
    QComboBox *m_operator;
    QComboBox *m_compareWith;
    QLineEdit *m_value;
    QLineEdit *m_condition;
    QComboBox *m_next;
    QLineEdit *m_comment;
    JsonEdit *m_assign;
    JsonEdit *m_output;
};

} // namespace stepwise::ui
