#include "ui/inspector/ChoiceRulesEditor.h"

#include "core/asl/Keys.h"
#include "core/asl/Parser.h"
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

// ASL spec §6.2: the comparison operators by operand type; a "<op>Path" variant compares with
// another path (every operator but StringMatches and the type tests).
struct OperandType
{
    const char *name;   // shown in the picker
    const char *prefix; // "String", "Numeric", ...
    std::vector<std::pair<const char *, const char *>> operators; // suffix, label
};

const std::vector<OperandType> &operandTypes()
{
    static const std::vector<OperandType> types{
        {"String", "String",
         {{"Equals", "equals"}, {"LessThan", "less than"}, {"GreaterThan", "greater than"},
          {"LessThanEquals", "less than or equal to"},
          {"GreaterThanEquals", "greater than or equal to"},
          {"Matches", "matches (* wildcards)"}}},
        {"Number", "Numeric",
         {{"Equals", "="}, {"LessThan", "<"}, {"GreaterThan", ">"}, {"LessThanEquals", "≤"},
          {"GreaterThanEquals", "≥"}}},
        {"Boolean", "Boolean", {{"Equals", "equals"}}},
        {"Timestamp", "Timestamp",
         {{"Equals", "equals"}, {"LessThan", "before"}, {"GreaterThan", "after"},
          {"LessThanEquals", "at or before"}, {"GreaterThanEquals", "at or after"}}},
        {"Type test", "Is",
         {{"Null", "is null"}, {"Present", "is present"}, {"Numeric", "is a number"},
          {"String", "is a string"}, {"Boolean", "is a boolean"},
          {"Timestamp", "is a timestamp"}}},
    };
    return types;
}

struct Comparison
{
    int type = 0;     // index into operandTypes()
    int op = 0;       // index into its operators
    bool path = false;
    std::string key;  // the operator key as written
};

std::optional<Comparison> comparisonOf(const Json &rule)
{
    if (!rule.is_object())
        return std::nullopt;
    for (const auto &[key, value] : rule.items()) {
        if (!asl::keys::isComparisonOperator(key))
            continue;
        Comparison c;
        c.key = key;
        std::string base = key;
        if (base.ends_with("Path") && !base.starts_with("Is")) {
            c.path = true;
            base.resize(base.size() - 4);
        }
        const auto &types = operandTypes();
        for (std::size_t t = 0; t < types.size(); ++t)
            for (std::size_t o = 0; o < types[t].operators.size(); ++o)
                if (base == std::string(types[t].prefix) + types[t].operators[o].first) {
                    c.type = static_cast<int>(t);
                    c.op = static_cast<int>(o);
                    return c;
                }
    }
    return std::nullopt;
}

QString kindOf(const Json &rule)
{
    if (rule.contains("And"))
        return QStringLiteral("And");
    if (rule.contains("Or"))
        return QStringLiteral("Or");
    if (rule.contains("Not"))
        return QStringLiteral("Not");
    if (rule.contains("Condition"))
        return QStringLiteral("Condition");
    return QStringLiteral("Compare");
}

QString valueText(const Json &value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>())
                             : QString::fromStdString(value.dump());
}

QString label(const Json &rule)
{
    const QString kind = kindOf(rule);
    if (kind == QLatin1String("And"))
        return QObject::tr("All of (And)");
    if (kind == QLatin1String("Or"))
        return QObject::tr("Any of (Or)");
    if (kind == QLatin1String("Not"))
        return QObject::tr("Not");
    if (kind == QLatin1String("Condition"))
        return valueText(rule["Condition"]);
    const auto c = comparisonOf(rule);
    const QString variable = rule.contains("Variable") ? valueText(rule["Variable"]) : QStringLiteral("?");
    if (!c)
        return QObject::tr("%1 (choose an operator)").arg(variable);
    const auto &type = operandTypes()[static_cast<std::size_t>(c->type)];
    const QString op = QString::fromUtf8(type.operators[static_cast<std::size_t>(c->op)].second);
    const Json &operand = rule[c->key];
    if (std::string(type.prefix) == "Is")
        return QStringLiteral("%1 %2%3").arg(variable, operand == Json(false) ? QObject::tr("not ") : QString(), op);
    QString value = valueText(operand);
    if (!c->path && operand.is_string() && std::string(type.prefix) != "Timestamp")
        value = QLatin1Char('"') + value + QLatin1Char('"');
    return QStringLiteral("%1 %2 %3").arg(variable, op, value);
}

Json blankComparison()
{
    Json rule = Json::object();
    rule["Variable"] = "$.value";
    rule["StringEquals"] = "";
    return rule;
}

// Rebuilds a rule's keys in ASL order with `body` (the test) replacing the old test; Next,
// Comment, Assign, Output and unknown keys are kept.
Json withBody(const Json &rule, const Json &body)
{
    static const std::vector<std::string> bodyKeys{"Variable", "And", "Or", "Not", "Condition"};
    Json out = body;
    for (const auto &[key, value] : rule.items()) {
        const bool isBody = asl::keys::isComparisonOperator(key) ||
                            std::find(bodyKeys.begin(), bodyKeys.end(), key) != bodyKeys.end();
        if (!isBody && !out.contains(key))
            out[key] = value;
    }
    return out;
}

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
    const QString pointer = currentPointer();
    Json *rule = ruleAt(pointer);
    if (!rule)
        return;
    const QString kind = kindOf(*rule);
    QString added;
    if (kind == QLatin1String("And") || kind == QLatin1String("Or")) {
        Json &list = (*rule)[kind.toStdString()];
        if (!list.is_array())
            list = Json::array();
        list.push_back(blankComparison());
        added = pointer + QLatin1Char('/') + kind + QLatin1Char('/') + QString::number(list.size() - 1);
    } else if (kind == QLatin1String("Not") && !(*rule)["Not"].is_object()) {
        (*rule)["Not"] = blankComparison();
        added = pointer + QStringLiteral("/Not");
    } else {
        return;
    }
    rebuildTree();
    selectRule(added);
    commitRules();
}

void ChoiceRulesEditor::removeCurrent()
{
    const QString pointer = currentPointer();
    if (pointer.isEmpty())
        return;
    const int slash = static_cast<int>(pointer.lastIndexOf(QLatin1Char('/')));
    const QString parentPointer = pointer.left(slash);
    const QString last = pointer.mid(slash + 1);
    if (parentPointer.isEmpty()) {
        m_rules.erase(m_rules.begin() + last.toInt());
    } else if (last == QLatin1String("Not")) {
        if (Json *owner = ruleAt(parentPointer))
            owner->erase("Not");
    } else {
        // ".../And/2": the list is the parent pointer's last segment.
        const int listSlash = static_cast<int>(parentPointer.lastIndexOf(QLatin1Char('/')));
        Json *owner = ruleAt(parentPointer.left(listSlash));
        const std::string listKey = parentPointer.mid(listSlash + 1).toStdString();
        if (!owner)
            return;
        Json &list = (*owner)[listKey];
        list.erase(list.begin() + last.toInt());
    }
    rebuildTree();
    commitRules();
}

void ChoiceRulesEditor::moveCurrent(int delta)
{
    const QString pointer = currentPointer();
    const int slash = static_cast<int>(pointer.lastIndexOf(QLatin1Char('/')));
    bool numeric = false;
    const int index = pointer.mid(slash + 1).toInt(&numeric);
    if (pointer.isEmpty() || !numeric)
        return;
    const QString listPointer = pointer.left(slash);
    Json *list = nullptr;
    if (listPointer.isEmpty()) {
        list = &m_rules;
    } else {
        const int listSlash = static_cast<int>(listPointer.lastIndexOf(QLatin1Char('/')));
        Json *owner = ruleAt(listPointer.left(listSlash));
        if (owner)
            list = &(*owner)[listPointer.mid(listSlash + 1).toStdString()];
    }
    const int to = index + delta;
    if (!list || !list->is_array() || to < 0 || to >= static_cast<int>(list->size()))
        return;
    std::swap((*list)[static_cast<std::size_t>(index)], (*list)[static_cast<std::size_t>(to)]);
    rebuildTree();
    selectRule(listPointer + QLatin1Char('/') + QString::number(to));
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
    QStringList names;
    for (const OperandType &type : operandTypes())
        if (operandType == QLatin1String(type.name))
            for (const auto &[suffix, text] : type.operators)
                names << QString::fromLatin1(type.prefix) + QString::fromLatin1(suffix);
    return names;
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
    if (pointer.isEmpty())
        return nullptr;
    Json *at = &m_rules;
    for (const QString &part : pointer.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        bool numeric = false;
        const int index = part.toInt(&numeric);
        if (numeric) {
            if (!at->is_array() || index < 0 || index >= static_cast<int>(at->size()))
                return nullptr;
            at = &(*at)[static_cast<std::size_t>(index)];
        } else {
            auto it = at->is_object() ? at->find(part.toStdString()) : at->end();
            if (!at->is_object() || it == at->end())
                return nullptr;
            at = &*it;
        }
    }
    return at;
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
    QString text = label(rule);
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
