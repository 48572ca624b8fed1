#pragma once
// Adding members to a JSON object without deep copies. An ordered_json object is a vector of
// pair<const std::string, Json>; the const key makes the pair's move constructor throwing, so
// when the vector grows it *copies* every member, whole subtrees included. Writing one key into
// a large document (ResultPath "$.result") then copied all of it.
#include "core/common/Json.h"

#include <string>
#include <utility>

namespace stepwise {

// Gives `object` (an object) room for `capacity` members, moving the values across.
inline void reserveMembers(Json &object, std::size_t capacity)
{
    auto &members = object.get_ref<Json::object_t &>();
    if (capacity <= members.capacity())
        return;
    Json::object_t grown;
    grown.reserve(capacity);
    for (auto &member : members)
        grown.emplace_back(member.first, std::move(member.second)); // copies the key only
    members.swap(grown);
}

// Appends a member the object does not have yet, growing it without copying the others.
inline Json &appendMember(Json &object, std::string key, Json value)
{
    auto &members = object.get_ref<Json::object_t &>();
    if (members.size() == members.capacity())
        reserveMembers(object, members.empty() ? 4 : members.size() * 2);
    return object.get_ref<Json::object_t &>().emplace_back(std::move(key), std::move(value)).second;
}

// `object[key] = value` without the copies: replaces the member's value, or appends it.
inline Json &setMember(Json &object, const std::string &key, Json value)
{
    auto &members = object.get_ref<Json::object_t &>();
    for (auto &member : members)
        if (member.first == key) {
            member.second = std::move(value);
            return member.second;
        }
    return appendMember(object, key, std::move(value));
}

} // namespace stepwise
