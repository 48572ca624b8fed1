#include "ui/inspector/ChoiceRulesEditor.h"

#include "core/asl/Parser.h"
#include "ui/inspector/ChoiceOperators.h"
#include "ui/inspector/ChoiceRuleModel.h"
#include "ui/inspector/JsonEdit.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

#include <algorithm>

namespace stepwise::ui {
namespace {

constexpr int PointerRole = Qt::UserRole + 1;

} // namespace

ChoiceRulesEditor::ChoiceRulesEditor(QWidget *parent)
    : FieldWidget({{"Choices"}, tr("Rules"), FieldKind::Json, FieldLanguage::Any,
                   tr("Rules are checked in order; the first that matches picks the next state"),
                   {}, {}},
                  parent),
      m_tree(new QTreeWidget(this)), m_nest(new QToolButton(this)), m_remove(new QToolButton(this)),
      m_up(new QToolButton(this)), m_down(new QToolButton(this)), m_detail(new QWidget(this)),
      m_form(new QFormLayout(m_detail)), m_kind(new QComboBox(m_detail)),
      m_variable(new QLineEdit(m_detail)), m_operandType(new QComboBox(m_detail)),
      m_operator(new QComboBox(m_detail)), m_compareWith(new QComboBox(m_detail)),
      m_value(new QLineEdit(m_detail)), m_condition(new QLineEdit(m_detail)),
      m_next(new QComboBox(m_detail)), m_comment(new QLineEdit(m_detail)),
      m_assign(new JsonEdit(m_detail)), m_output(new JsonEdit(m_detail))
{
    m_tree->setHeaderHidden(true);
    m_tree->setMinimumHeight(110);
    m_tree->setMaximumHeight(180);
    auto *add = new QToolButton(this);
    add->setText(tr("Add rule"));
    m_nest->setText(tr("Add nested"));
    m_nest->setToolTip(tr("Add a condition inside the selected And / Or / Not"));
    m_remove->setText(tr("Remove"));
    m_up->setArrowType(Qt::UpArrow);
    m_down->setArrowType(Qt::DownArrow);
    auto *buttons = new QHBoxLayout;
    for (QToolButton *button : {add, m_nest, m_remove})
        buttons->addWidget(button);
    buttons->addStretch();
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);

    m_kind->addItem(tr("Compare a value"), QStringLiteral("Compare"));
    m_kind->addItem(tr("All of (And)"), QStringLiteral("And"));
    m_kind->addItem(tr("Any of (Or)"), QStringLiteral("Or"));
    m_kind->addItem(tr("Not"), QStringLiteral("Not"));
    m_kind->addItem(tr("JSONata condition"), QStringLiteral("Condition"));
    for (const OperandType &type : operandTypes())
        m_operandType->addItem(tr(type.name));
    m_compareWith->addItem(tr("a value"));
    m_compareWith->addItem(tr("another path"));
    m_variable->setPlaceholderText(QStringLiteral("$.order.total"));
    m_condition->setPlaceholderText(QStringLiteral("{% $states.input.total > 100 %}"));
    m_next->setEditable(true);
    m_next->setInsertPolicy(QComboBox::NoInsert);
    m_assign->setPlaceholderText(tr("Variables to set when this rule matches"));
    m_output->setPlaceholderText(tr("JSONata: the state output when this rule matches"));
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->addRow(tr("Kind"), m_kind);
    m_form->addRow(tr("Variable"), m_variable);
    m_form->addRow(tr("Operand"), m_operandType);
    m_form->addRow(tr("Operator"), m_operator);
    m_form->addRow(tr("Compare with"), m_compareWith);
    m_form->addRow(tr("Value"), m_value);
    m_form->addRow(tr("Condition"), m_condition);
    m_form->addRow(tr("Next"), m_next);
    m_form->addRow(tr("Comment"), m_comment);
    m_form->addRow(tr("Assign"), m_assign);
    m_form->addRow(tr("Output"), m_output);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    layout->addLayout(buttons);
    layout->addWidget(m_detail);

    connect(add, &QToolButton::clicked, this, &ChoiceRulesEditor::addRule);
    connect(m_nest, &QToolButton::clicked, this, &ChoiceRulesEditor::addNested);
    connect(m_remove, &QToolButton::clicked, this, &ChoiceRulesEditor::removeCurrent);
    connect(m_up, &QToolButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveCurrent(1); });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &ChoiceRulesEditor::showCurrent);
    connect(m_kind, &QComboBox::activated, this, [this] { setKind(m_kind->currentData().toString()); });
    connect(m_operandType, &QComboBox::activated, this, [this] {
        fillOperators();
        writeDetail();
    });
    for (QComboBox *combo : {m_operator, m_compareWith})
        connect(combo, &QComboBox::activated, this, &ChoiceRulesEditor::writeDetail);
    for (QLineEdit *edit : {m_variable, m_value, m_condition, m_comment})
        connect(edit, &QLineEdit::editingFinished, this, [this, edit] {
            if (edit->isModified()) {
                edit->setModified(false);
                writeDetail();
            }
        });
    connect(m_next, &QComboBox::activated, this, &ChoiceRulesEditor::writeDetail);
    connect(m_next->lineEdit(), &QLineEdit::editingFinished, this, &ChoiceRulesEditor::writeDetail);
    connect(m_assign, &JsonEdit::committed, this, &ChoiceRulesEditor::writeDetail);
    connect(m_output, &JsonEdit::committed, this, &ChoiceRulesEditor::writeDetail);
    rebuildTree();
}

void ChoiceRulesEditor::setStateNames(const QStringList &names)
{
    const QString current = m_next->currentText();
    m_loading = true;
    m_next->clear();
    m_next->addItems(names);
    m_next->setEditText(current);
    m_loading = false;
}

void ChoiceRulesEditor::setLanguage(FieldLanguage language)
{
    m_language = language;
    showCurrent();
}

void ChoiceRulesEditor::addRule()
{
    Json rule = m_language == FieldLanguage::JSONata ? Json::object() : blankComparison();
    if (m_language == FieldLanguage::JSONata)
        rule["Condition"] = "{% true %}";
    rule["Next"] = m_next->count() > 0 ? Json(m_next->itemText(0).toStdString()) : Json("");
    m_rules.push_back(rule);
    rebuildTree();
    selectRule(QStringLiteral("/%1").arg(m_rules.size() - 1));
    commitRules();
}

void ChoiceRulesEditor::addNested()
{
    const QString added = addNestedRule(m_rules, currentPointer());
    if (added.isEmpty())
        return;
    rebuildTree();
    selectRule(added);
    commitRules();
}

void ChoiceRulesEditor::removeCurrent()
{
    if (!removeRule(m_rules, currentPointer()))
        return;
    rebuildTree();
    commitRules();
}

void ChoiceRulesEditor::moveCurrent(int delta)
{
    const QString moved = moveRule(m_rules, currentPointer(), delta);
    if (moved.isEmpty())
        return;
    rebuildTree();
    selectRule(moved);
    commitRules();
}

bool ChoiceRulesEditor::selectRule(const QString &pointer)
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        if ((*it)->data(0, PointerRole).toString() == pointer) {
            m_tree->setCurrentItem(*it);
            return true;
        }
    return false;
}

QString ChoiceRulesEditor::currentPointer() const
{
    QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, PointerRole).toString() : QString();
}

int ChoiceRulesEditor::topLevelCount() const
{
    return static_cast<int>(m_rules.size());
}

QStringList ChoiceRulesEditor::operatorsFor(const QString &operandType) const
{
    return operatorKeysFor(operandType);
}

void ChoiceRulesEditor::setOperandType(const QString &operandType)
{
    m_operandType->setCurrentText(operandType);
    fillOperators();
    writeDetail();
}

void ChoiceRulesEditor::setOperator(const QString &op)
{
    const int index = m_operator->findData(op);
    if (index >= 0)
        m_operator->setCurrentIndex(index);
    writeDetail();
}

void ChoiceRulesEditor::setKind(const QString &kind)
{
    Json *rule = ruleAt(currentPointer());
    if (!rule || kindOf(*rule) == kind)
        return;
    Json body = Json::object();
    if (kind == QLatin1String("Compare"))
        body = blankComparison();
    else if (kind == QLatin1String("And") || kind == QLatin1String("Or"))
        body[kind.toStdString()] = Json::array({blankComparison()});
    else if (kind == QLatin1String("Not"))
        body["Not"] = blankComparison();
    else
        body["Condition"] = "{% true %}";
    const QString pointer = currentPointer();
    *rule = withBody(*rule, body);
    rebuildTree();
    selectRule(pointer);
    commitRules();
}

void ChoiceRulesEditor::setVariable(const QString &variable)
{
    m_variable->setText(variable);
    writeDetail();
}

void ChoiceRulesEditor::setValueText(const QString &value)
{
    m_value->setText(value);
    writeDetail();
}

void ChoiceRulesEditor::setComparePath(bool path)
{
    m_compareWith->setCurrentIndex(path ? 1 : 0);
    writeDetail();
}

void ChoiceRulesEditor::setNext(const QString &next)
{
    m_next->setEditText(next);
    writeDetail();
}

void ChoiceRulesEditor::display(const std::optional<Json> &value)
{
    const Json incoming = value && value->is_array() ? *value : Json::array();
    if (incoming == m_rules)
        return;
    const QString pointer = currentPointer();
    m_rules = incoming;
    rebuildTree();
    if (!selectRule(pointer) && !m_rules.empty())
        selectRule(QStringLiteral("/0"));
}

std::optional<Json> ChoiceRulesEditor::displayed() const
{
    return m_rules;
}

Json *ChoiceRulesEditor::ruleAt(const QString &pointer)
{
    return ui::ruleAt(m_rules, pointer);
}

void ChoiceRulesEditor::rebuildTree()
{
    const QSignalBlocker blocker(m_tree);
    m_tree->clear();
    for (std::size_t i = 0; i < m_rules.size(); ++i)
        addItems(nullptr, m_rules[i], QStringLiteral("/%1").arg(i));
    m_tree->expandAll();
    showCurrent();
}

void ChoiceRulesEditor::addItems(QTreeWidgetItem *parent, const Json &rule, const QString &pointer)
{
    QString text = ruleLabel(rule);
    if (!parent) {
        const QString next = rule.contains("Next") ? valueText(rule["Next"]) : QString();
        text = tr("Rule %1: %2 → %3")
                   .arg(pointer.mid(1).toInt() + 1)
                   .arg(text, next.isEmpty() ? tr("(choose a state)") : next);
    }
    auto *item = parent ? new QTreeWidgetItem(parent, {text}) : new QTreeWidgetItem(m_tree, {text});
    item->setData(0, PointerRole, pointer);
    item->setToolTip(0, QString::fromStdString(rule.dump(2)));
    for (const char *list : {"And", "Or"})
        if (auto it = rule.find(list); it != rule.end() && it->is_array())
            for (std::size_t i = 0; i < it->size(); ++i)
                addItems(item, (*it)[i], pointer + QLatin1Char('/') + QLatin1String(list) +
                                             QLatin1Char('/') + QString::number(i));
    if (auto it = rule.find("Not"); it != rule.end() && it->is_object())
        addItems(item, *it, pointer + QStringLiteral("/Not"));
}

void ChoiceRulesEditor::showCurrent()
{
    const QString pointer = currentPointer();
    const Json *rule = ruleAt(pointer);
    const bool has = rule != nullptr;
    m_detail->setVisible(has);
    m_remove->setEnabled(has);
    m_up->setEnabled(has && !pointer.endsWith(QLatin1String("/Not")));
    m_down->setEnabled(has && !pointer.endsWith(QLatin1String("/Not")));
    if (!has) {
        m_nest->setEnabled(false);
        return;
    }
    m_loading = true;
    const QString kind = kindOf(*rule);
    const bool topLevel = pointer.count(QLatin1Char('/')) == 1;
    const bool compare = kind == QLatin1String("Compare");
    m_nest->setEnabled(kind == QLatin1String("And") || kind == QLatin1String("Or") ||
                       (kind == QLatin1String("Not") && !(*rule)["Not"].is_object()));
    m_kind->setCurrentIndex(m_kind->findData(kind));
    m_form->setRowVisible(m_variable, compare);
    m_form->setRowVisible(m_operandType, compare);
    m_form->setRowVisible(m_operator, compare);
    m_form->setRowVisible(m_compareWith, compare);
    m_form->setRowVisible(m_value, compare);
    m_form->setRowVisible(m_condition, kind == QLatin1String("Condition"));
    m_form->setRowVisible(m_next, topLevel);
    m_form->setRowVisible(m_comment, topLevel);
    m_form->setRowVisible(m_assign, topLevel);
    m_form->setRowVisible(m_output, topLevel && m_language == FieldLanguage::JSONata);
    if (compare) {
        m_variable->setText(rule->contains("Variable") ? valueText((*rule)["Variable"]) : QString());
        const auto c = comparisonOf(*rule);
        m_operandType->setCurrentIndex(c ? c->type : 0);
        fillOperators();
        if (c) {
            m_operator->setCurrentIndex(c->op);
            m_compareWith->setCurrentIndex(c->path ? 1 : 0);
            m_value->setText(valueText((*rule)[c->key]));
        } else {
            m_value->clear();
        }
    }
    m_condition->setText(rule->contains("Condition") ? valueText((*rule)["Condition"]) : QString());
    m_next->setEditText(rule->contains("Next") ? valueText((*rule)["Next"]) : QString());
    m_comment->setText(rule->contains("Comment") ? valueText((*rule)["Comment"]) : QString());
    m_assign->setValue(rule->contains("Assign") ? std::optional<Json>((*rule)["Assign"]) : std::nullopt);
    m_output->setValue(rule->contains("Output") ? std::optional<Json>((*rule)["Output"]) : std::nullopt);
    m_loading = false;
}

void ChoiceRulesEditor::fillOperators()
{
    const int type = std::max(0, m_operandType->currentIndex());
    const OperandType &operand = operandTypes()[static_cast<std::size_t>(type)];
    const int previous = m_operator->currentIndex();
    m_operator->clear();
    for (const auto &[suffix, text] : operand.operators)
        m_operator->addItem(QString::fromUtf8(text),
                            QString::fromLatin1(operand.prefix) + QString::fromLatin1(suffix));
    m_operator->setCurrentIndex(std::clamp(previous, 0, m_operator->count() - 1));
    // Type tests and StringMatches have no Path form.
    const bool typeTest = std::string(operand.prefix) == "Is";
    m_compareWith->setEnabled(!typeTest);
    if (typeTest)
        m_compareWith->setCurrentIndex(0);
}

void ChoiceRulesEditor::writeDetail()
{
    if (m_loading)
        return;
    const QString pointer = currentPointer();
    Json *rule = ruleAt(pointer);
    if (!rule)
        return;
    Json edited = *rule;
    const bool topLevel = pointer.count(QLatin1Char('/')) == 1;
    if (kindOf(*rule) == QLatin1String("Compare")) {
        Json body = Json::object();
        body["Variable"] = m_variable->text().trimmed().toStdString();
        QString op = m_operator->currentData().toString();
        const bool typeTest = op.startsWith(QLatin1String("Is"));
        const bool path = !typeTest && op != QLatin1String("StringMatches") &&
                          m_compareWith->currentIndex() == 1;
        if (path)
            op += QLatin1String("Path");
        const QString text = m_value->text().trimmed();
        Json value(text.toStdString());
        if (!path && (typeTest || op.startsWith(QLatin1String("Boolean"))))
            value = Json(text != QLatin1String("false"));
        else if (!path && op.startsWith(QLatin1String("Numeric"))) {
            auto number = asl::parseDocument(text.toStdString(), asl::SourceFormat::Json);
            if (number && number->is_number())
                value = std::move(number).value();
        }
        body[op.toStdString()] = value;
        edited = withBody(*rule, body);
    } else if (kindOf(*rule) == QLatin1String("Condition")) {
        edited["Condition"] = m_condition->text().trimmed().toStdString();
    }
    auto setOrErase = [&edited](const char *key, const std::optional<Json> &value) {
        if (value)
            edited[key] = *value;
        else
            edited.erase(key);
    };
    if (topLevel) {
        edited["Next"] = m_next->currentText().trimmed().toStdString();
        const QString comment = m_comment->text().trimmed();
        setOrErase("Comment", comment.isEmpty() ? std::nullopt : std::optional<Json>(comment.toStdString()));
        bool ok = false;
        if (auto assign = m_assign->value(&ok); ok)
            setOrErase("Assign", assign);
        if (auto output = m_output->value(&ok); ok)
            setOrErase("Output", output);
    }
    if (edited == *rule)
        return;
    *rule = edited;
    rebuildTree();
    selectRule(pointer);
    commitRules();
}

void ChoiceRulesEditor::commitRules()
{
    emit committed();
}

} // namespace stepwise::ui
