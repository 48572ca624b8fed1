#pragma once
// YAML text → JSON (YAML 1.2 core schema for plain scalars), used by parseDocument.
#include "core/asl/Parser.h"

#include <string_view>

namespace stepwise::asl {

Result<Json, ParseError> parseYaml(std::string_view text);

// What a plain (unquoted) YAML scalar means under the YAML 1.2 core schema: null, a boolean,
// an integer, a float, or else the string itself.
Json resolvePlainScalar(const std::string &text);

} // namespace stepwise::asl
