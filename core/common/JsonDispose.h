#pragma once
// Freeing a JSON document cheaply. nlohmann's destructor moves every child of an array or
// object into a heap-allocated stack before freeing it (so that no depth can exhaust the call
// stack); for the small documents states pass around, that costs more than the freeing itself.
#include "core/common/Json.h"

namespace stepwise {

// Empties `value` from the leaves up, leaving an empty container (or the scalar) behind. Levels
// nested deeper than `maxDepth` are left to the destructor, so the recursion stays shallow.
inline void disposeJson(Json &value, int maxDepth = 32)
{
    if (maxDepth <= 0)
        return;
    if (value.is_object()) {
        auto &members = value.get_ref<Json::object_t &>();
        for (auto &member : members)
            if (member.second.is_structured())
                disposeJson(member.second, maxDepth - 1);
        members.clear();
    } else if (value.is_array()) {
        auto &elements = value.get_ref<Json::array_t &>();
        for (Json &element : elements)
            if (element.is_structured())
                disposeJson(element, maxDepth - 1);
        elements.clear();
    }
}

} // namespace stepwise
