#pragma once
// CloudFormation's YAML: plain YAML plus short-form intrinsic tags (!Ref, !GetAtt, !Sub, ...),
// read into the long JSON form ({"Ref": ...}, {"Fn::GetAtt": [...]}, {"Fn::Sub": ...}).
#include "core/formats/Template.h"

namespace stepwise::formats {

Result<Json, FormatError> parseCfnYaml(std::string_view text);

// JSON or YAML by the first non-blank character, like asl::parseDocument.
Result<Json, FormatError> parseTemplateDocument(std::string_view text);

bool looksLikeJson(std::string_view text);

} // namespace stepwise::formats
