#pragma once
// Writing ASL back: model → JSON with the source key order and every unknown field, then text.
#include "core/asl/StateMachine.h"
#include "core/common/Json.h"

#include <string>

namespace stepwise::asl {

Json toJson(const StateMachine &machine);

// JSON text with `indent` spaces (2 by default), UTF-8 kept as is, and a final newline.
std::string serialize(const StateMachine &machine, int indent = 2);

// YAML text (block style) of the same document; key order kept.
std::string serializeYaml(const StateMachine &machine);
std::string jsonToYaml(const Json &document);

} // namespace stepwise::asl
