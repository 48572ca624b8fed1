#pragma once
// Static validation as strict as AWS's CreateStateMachine / ValidateStateMachineDefinition
// (ASL spec §1). Works on the JSON document, so every finding has an exact JSON Pointer.
// Never throws; findings are data.
#include "core/common/Diagnostic.h"
#include "core/common/Json.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stepwise::asl {

enum class MachineType { Standard, Express };

struct ValidationOptions
{
    MachineType machineType = MachineType::Standard;
};

std::vector<Diagnostic> validate(const Json &definition, const ValidationOptions &options = {});

// Parses (JSON or YAML) first: a syntax error becomes an INVALID_JSON_DESCRIPTION diagnostic
// with line and column; an empty text MISSING_DESCRIPTION.
std::vector<Diagnostic> validateText(std::string_view text, const ValidationOptions &options = {});

// AWS's CreateStateMachine message for a failed validation:
// "Invalid State Machine Definition: 'CODE: message at /path, CODE: ...'"
// Only ERROR diagnostics are listed.
std::string invalidDefinitionMessage(const std::vector<Diagnostic> &diagnostics);

// AWS's `location` of a diagnostic: the JSON Pointer with array indexes written as `[i]`
// (e.g. "/States/X/Choices[0]/Next"), "/" for the root, Jackson's "[Source: ...]" for syntax
// errors, none when AWS gives none (definition not an object).
std::optional<std::string> awsLocation(const Diagnostic &diagnostic);

} // namespace stepwise::asl
