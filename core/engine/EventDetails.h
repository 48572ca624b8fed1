#pragma once
// Building the `*EventDetails` objects of history events (ASL spec §9) without the key lookups
// and regrowth of Json::operator[]: every state visit records two or more of them.
#include "core/common/Json.h"

#include <cstddef>
#include <utility>

namespace stepwise::engine {

// An empty details object with room for `members` members.
inline Json detailsObject(std::size_t members)
{
    Json details(Json::value_t::object); // Json::object() goes through an initializer list
    details.get_ref<Json::object_t &>().reserve(members);
    return details;
}

// Appends a member the object does not have yet (no duplicate check: callers add distinct keys).
// The value is built in place from what the caller passes (a string, a number, a Json).
template <typename Value>
void addMember(Json &object, const char *key, Value &&value)
{
    object.get_ref<Json::object_t &>().emplace_back(key, std::forward<Value>(value));
}

// {"truncated": false}, printed beside every payload (`inputDetails`, `outputDetails`, ...).
inline Json notTruncated()
{
    Json details = detailsObject(1);
    addMember(details, "truncated", false);
    return details;
}

} // namespace stepwise::engine
