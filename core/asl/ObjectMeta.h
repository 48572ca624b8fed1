#pragma once
// What a typed model object needs to be written back exactly as it was read: the order of its
// keys in the source, and every field the model does not know (kept verbatim).
#include "core/common/Json.h"

#include <string>
#include <vector>

namespace stepwise::asl {

struct ObjectMeta
{
    std::vector<std::string> keyOrder; // keys in source order (known and unknown alike)
    Json extras = Json::object();      // unknown fields, and known fields whose JSON type was wrong
};

} // namespace stepwise::asl
