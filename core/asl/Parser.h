#pragma once
// Reading ASL: text (JSON or YAML) → JSON → typed model. The only place that catches
// nlohmann/yaml-cpp exceptions.
#include "core/asl/StateMachine.h"
#include "core/common/Json.h"
#include "core/common/Result.h"

#include <string>
#include <string_view>

namespace stepwise::asl {

struct ParseError
{
    std::string message;
    std::string pointer; // JSON Pointer of the offending value ("" for syntax errors)
    int line = 0;        // 1-based; 0 when unknown
    int column = 0;
};

enum class SourceFormat { Auto, Json, Yaml };

// Text → JSON, keeping key order. Auto picks JSON when the first non-blank character is '{' or
// '[', YAML otherwise. Syntax errors carry line and column.
Result<Json, ParseError> parseDocument(std::string_view text, SourceFormat format = SourceFormat::Auto);

// JSON → model. Fails only when the shape makes a model impossible (not an object, a state that
// is not an object, ...); anything merely invalid is kept for the validator to report.
Result<StateMachine, ParseError> fromJson(const Json &definition);

// parseDocument + fromJson.
Result<StateMachine, ParseError> parse(std::string_view text, SourceFormat format = SourceFormat::Auto);

} // namespace stepwise::asl
