#pragma once
// Text → JSON for the validator (ASL spec §1.9 INVALID_JSON_DESCRIPTION): syntax errors in the
// words of AWS's JSON reader, and duplicate keys that a DOM parse would silently merge.
#include "core/common/Diagnostic.h"
#include "core/common/Json.h"

#include <optional>
#include <string_view>
#include <vector>

namespace stepwise::asl::validator {

struct TextParseResult
{
    std::optional<Json> document;          // set when the text parsed
    std::vector<Diagnostic> diagnostics;   // syntax errors or duplicate state names
};

TextParseResult parseDefinitionText(std::string_view text);

} // namespace stepwise::asl::validator
