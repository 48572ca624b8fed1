#pragma once
// The Choice rules as JSON (ASL spec §6): what kind a rule is, its one-line label, and the
// structural edits of the rules editor (nest, remove, reorder) addressed by rule pointers
// such as "/0", "/0/And/1" or "/1/Not" into the Choices array. No widgets here.
#include "core/common/Json.h"

#include <QString>

namespace stepwise::ui {

// "Compare", "And", "Or", "Not" or "Condition".
QString kindOf(const Json &rule);
// A string as itself, any other value as JSON.
QString valueText(const Json &value);
// How the rules tree shows a rule: "$.total > 100", "All of (And)", ...
QString ruleLabel(const Json &rule);
// A new comparison: `$.value` equals "".
Json blankComparison();
// Rebuilds a rule's keys with `body` (the test) replacing the old test; Next, Comment, Assign,
// Output and unknown keys are kept.
Json withBody(const Json &rule, const Json &body);

// The rule at `pointer` inside `rules` (the Choices array), or nullptr.
Json *ruleAt(Json &rules, const QString &pointer);
// Adds a blank comparison inside the And / Or / empty Not at `pointer`; returns the new rule's
// pointer, or "" when that rule holds no list to add to.
QString addNestedRule(Json &rules, const QString &pointer);
// Removes the rule at `pointer`; false when there is none.
bool removeRule(Json &rules, const QString &pointer);
// Moves the rule at `pointer` by `delta` places within its list; returns its new pointer, or ""
// when it cannot move (a Not's operand, or the end of the list).
QString moveRule(Json &rules, const QString &pointer, int delta);

} // namespace stepwise::ui
