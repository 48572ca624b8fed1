#include "ui/inspector/ChoiceRuleModel.h"

#include "core/asl/Keys.h"
#include "ui/inspector/ChoiceOperators.h"

#include <QObject>
#include <QStringList>

#include <algorithm>

namespace stepwise::ui {

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

QString ruleLabel(const Json &rule)
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
    const QString variable =
        rule.contains("Variable") ? valueText(rule["Variable"]) : QStringLiteral("?");
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

Json *ruleAt(Json &rules, const QString &pointer)
{
    if (pointer.isEmpty())
        return nullptr;
    Json *at = &rules;
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

QString addNestedRule(Json &rules, const QString &pointer)
{
    Json *rule = ruleAt(rules, pointer);
    if (!rule)
        return {};
    const QString kind = kindOf(*rule);
    if (kind == QLatin1String("And") || kind == QLatin1String("Or")) {
        Json &list = (*rule)[kind.toStdString()];
        if (!list.is_array())
            list = Json::array();
        list.push_back(blankComparison());
        return pointer + QLatin1Char('/') + kind + QLatin1Char('/') +
               QString::number(list.size() - 1);
    }
    if (kind == QLatin1String("Not") && !(*rule)["Not"].is_object()) {
        (*rule)["Not"] = blankComparison();
        return pointer + QStringLiteral("/Not");
    }
    return {};
}

bool removeRule(Json &rules, const QString &pointer)
{
    if (!ruleAt(rules, pointer))
        return false;
    const int slash = static_cast<int>(pointer.lastIndexOf(QLatin1Char('/')));
    const QString parentPointer = pointer.left(slash);
    const QString last = pointer.mid(slash + 1);
    if (parentPointer.isEmpty()) {
        rules.erase(rules.begin() + last.toInt());
        return true;
    }
    if (last == QLatin1String("Not")) {
        Json *owner = ruleAt(rules, parentPointer);
        return owner && owner->erase("Not") > 0;
    }
    // ".../And/2": the list is the parent pointer's last segment.
    const int listSlash = static_cast<int>(parentPointer.lastIndexOf(QLatin1Char('/')));
    Json *owner = ruleAt(rules, parentPointer.left(listSlash));
    if (!owner)
        return false;
    Json &list = (*owner)[parentPointer.mid(listSlash + 1).toStdString()];
    list.erase(list.begin() + last.toInt());
    return true;
}

QString moveRule(Json &rules, const QString &pointer, int delta)
{
    const int slash = static_cast<int>(pointer.lastIndexOf(QLatin1Char('/')));
    bool numeric = false;
    const int index = pointer.mid(slash + 1).toInt(&numeric);
    if (pointer.isEmpty() || !numeric)
        return {};
    const QString listPointer = pointer.left(slash);
    Json *list = nullptr;
    if (listPointer.isEmpty()) {
        list = &rules;
    } else {
        const int listSlash = static_cast<int>(listPointer.lastIndexOf(QLatin1Char('/')));
        if (Json *owner = ruleAt(rules, listPointer.left(listSlash)))
            list = &(*owner)[listPointer.mid(listSlash + 1).toStdString()];
    }
    const int to = index + delta;
    if (!list || !list->is_array() || to < 0 || to >= static_cast<int>(list->size()))
        return {};
    std::swap((*list)[static_cast<std::size_t>(index)], (*list)[static_cast<std::size_t>(to)]);
    return listPointer + QLatin1Char('/') + QString::number(to);
}

} // namespace stepwise::ui
