#pragma once
// The Choice comparison operators by operand type (ASL spec §6.2), so the rules editor only
// offers operators that fit the operand, and reading an operator key back into that catalogue.
#include "core/common/Json.h"

#include <QStringList>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace stepwise::ui {

// A "<op>Path" variant compares with another path (every operator but StringMatches and the
// type tests).
struct OperandType
{
    const char *name;   // shown in the picker
    const char *prefix; // "String", "Numeric", ...
    std::vector<std::pair<const char *, const char *>> operators; // suffix, label
};

const std::vector<OperandType> &operandTypes();

// The operator keys ("StringEquals", ...) offered for the operand type named `operandType`.
QStringList operatorKeysFor(const QString &operandType);

// Where a comparison rule's operator sits in the catalogue.
struct Comparison
{
    int type = 0;     // index into operandTypes()
    int op = 0;       // index into its operators
    bool path = false;
    std::string key;  // the operator key as written
};

std::optional<Comparison> comparisonOf(const Json &rule);

} // namespace stepwise::ui
