#include "ui/inspector/FieldFocus.h"

#include "ui/inspector/ChoiceRulesEditor.h"
#include "ui/inspector/FieldForm.h"
#include "ui/inspector/ObjectListEditor.h"

#include <algorithm>
#include <charconv>
#include <optional>

namespace stepwise::ui {
namespace {

std::optional<int> indexOf(const std::string &token)
{
    int value = 0;
    const auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (error != std::errc() || end != token.data() + token.size() || value < 0)
        return std::nullopt;
    return value;
}

// The first widget inside `field` that takes keyboard focus (its line edit, combo box, ...).
QWidget *focusTarget(QWidget *field)
{
    if (field->focusPolicy() & Qt::TabFocus)
        return field;
    for (QWidget *child : field->findChildren<QWidget *>())
        if ((child->focusPolicy() & Qt::TabFocus) && child->isEnabled() &&
            !child->isHidden())
            return child;
    return field;
}

QWidget *focus(QWidget *widget)
{
    QWidget *target = focusTarget(widget);
    target->setFocus(Qt::OtherFocusReason);
    return target;
}

// "/0/And/1" from {"0", "And", "1", "Variable"}: the rule part of a pointer into Choices.
QString rulePointer(const std::vector<std::string> &tokens)
{
    QString pointer;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string &token = tokens[i];
        const bool index = indexOf(token).has_value();
        const bool nesting = token == "And" || token == "Or" || token == "Not";
        if (!(index && (i == 0 || tokens[i - 1] != "Not")) && !nesting)
            break;
        if (token == "And" || token == "Or") {
            if (i + 1 >= tokens.size() || !indexOf(tokens[i + 1]))
                break; // the list itself: the rule that holds it
        }
        pointer += QLatin1Char('/') + QString::fromStdString(token);
    }
    return pointer;
}

} // namespace

QWidget *focusFieldIn(FieldForm &form, const std::vector<std::string> &tokens)
{
    if (tokens.empty())
        return nullptr;
    // The field whose key is the longest prefix of the pointer.
    FieldWidget *best = nullptr;
    std::size_t bestLength = 0;
    for (FieldWidget *field : form.fields()) {
        const std::vector<std::string> &key = field->spec().key;
        if (key.empty() || key.size() > tokens.size() || key.size() <= bestLength)
            continue;
        if (std::equal(key.begin(), key.end(), tokens.begin())) {
            best = field;
            bestLength = key.size();
        }
    }
    if (!best)
        return nullptr;
    const std::vector<std::string> rest(tokens.begin() + static_cast<long>(bestLength),
                                        tokens.end());
    if (auto *list = qobject_cast<ObjectListEditor *>(best)) {
        const std::optional<int> row = rest.empty() ? std::nullopt : indexOf(rest.front());
        if (!row || *row >= list->count())
            return focus(list);
        list->setCurrentRow(*row);
        if (QWidget *inner = focusFieldIn(*list->elementForm(),
                                         std::vector<std::string>(rest.begin() + 1, rest.end())))
            return inner;
        return focus(list);
    }
    if (auto *rules = qobject_cast<ChoiceRulesEditor *>(best)) {
        const QString pointer = rulePointer(rest);
        if (!pointer.isEmpty())
            rules->selectRule(pointer);
        return focus(rules);
    }
    return focus(best);
}

} // namespace stepwise::ui
