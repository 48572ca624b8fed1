#pragma once
// Building the `*EventDetails` objects of history events (ASL spec §9) without the key lookups
// and regrowth of Json::operator[]: every state visit records two or more of them.
#include "core/common/Json.h"

#include <cstddef>
#include <tuple>
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
// The key is a literal, its length known here (no strlen); the value is built in place from
// what the caller passes (a string, a number, a Json).
template <std::size_t N, typename Value>
void addMember(Json &object, const char (&key)[N], Value &&value)
{
    object.get_ref<Json::object_t &>().emplace_back(
        std::piecewise_construct, std::forward_as_tuple(key, N - 1),
        std::forward_as_tuple(std::forward<Value>(value)));
}

// {"truncated": false}, printed beside every payload (`inputDetails`, `outputDetails`, ...).
inline Json notTruncated()
{
    Json details = detailsObject(1);
    addMember(details, "truncated", false);
    return details;
}

} // namespace stepwise::engine
