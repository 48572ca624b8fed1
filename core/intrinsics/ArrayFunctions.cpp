// Array and object intrinsics (ASL spec §5.3): Array, ArrayPartition, ArrayContains,
// ArrayRange, ArrayGetItem, ArrayLength, ArrayUnique, JsonMerge.
#include "core/common/JavaHashOrder.h"
#include "core/intrinsics/ExpressionNode.h"

#include <string_view>
#include <unordered_map>
#include <vector>

namespace stepwise::intrinsics {
namespace {

constexpr std::int64_t kMaxRangeItems = 1000;

} // namespace

Result<Json, std::string> fnArray(const Args &args, const EvalContext &, const ExpressionNode &)
{
    Json out = Json::array();
    for (std::size_t i = 0; i < args.size(); ++i)
        out.push_back(args[i]);
    return out;
}

Result<Json, std::string> fnArrayPartition(const Args &args, const EvalContext &,
                                           const ExpressionNode &call)
{
    auto size = truncatedInteger(args[1]);
    if (!args[0].is_array() || !size || *size < 1)
        return unexpected(invalidArguments(call));
    Json out = Json::array();
    const Json &array = args[0];
    auto chunk = static_cast<std::size_t>(*size);
    for (std::size_t start = 0; start < array.size(); start += chunk) {
        Json part = Json::array();
        for (std::size_t i = start; i < array.size() && i < start + chunk; ++i)
            part.push_back(array[i]);
        out.push_back(std::move(part));
    }
    return out;
}

// Deep equality; object comparison is key-order sensitive like AWS [OBS].
Result<Json, std::string> fnArrayContains(const Args &args, const EvalContext &,
                                          const ExpressionNode &call)
{
    if (!args[0].is_array())
        return unexpected(invalidArguments(call));
    for (const auto &item : args[0]) {
        if (item == args[1])
            return Json(true);
    }
    return Json(false);
}

// §5.3 ArrayRange: inclusive of `end` when reached; at most 1000 items.
Result<Json, std::string> fnArrayRange(const Args &args, const EvalContext &,
                                       const ExpressionNode &call)
{
    auto start = truncatedInteger(args[0]);
    auto end = truncatedInteger(args[1]);
    auto step = truncatedInteger(args[2]);
    if (!start || !end || !step || *step == 0)
        return unexpected(invalidArguments(call));
    Json out = Json::array();
    if ((*step > 0 && *start > *end) || (*step < 0 && *start < *end))
        return out;
    std::int64_t count = (*end - *start) / *step + 1;
    if (count > kMaxRangeItems)
        return unexpected(invalidArguments(call));
    for (std::int64_t i = 0; i < count; ++i)
        out.push_back(*start + i * *step);
    return out;
}

// Out of range fails, except that an empty array yields null [OBS quirk].
Result<Json, std::string> fnArrayGetItem(const Args &args, const EvalContext &,
                                         const ExpressionNode &call)
{
    auto index = truncatedInteger(args[1]);
    if (!args[0].is_array() || !index)
        return unexpected(invalidArguments(call));
    if (args[0].empty())
        return Json(nullptr);
    if (*index < 0 || *index >= static_cast<std::int64_t>(args[0].size()))
        return unexpected(invalidArguments(call));
    return args[0][static_cast<std::size_t>(*index)];
}

Result<Json, std::string> fnArrayLength(const Args &args, const EvalContext &,
                                        const ExpressionNode &call)
{
    if (!args[0].is_array())
        return unexpected(invalidArguments(call));
    return Json(args[0].size());
}

// First occurrences, in java.util.HashSet order of the values' hash codes (§2.4.1).
Result<Json, std::string> fnArrayUnique(const Args &args, const EvalContext &,
                                        const ExpressionNode &call)
{
    if (!args[0].is_array())
        return unexpected(invalidArguments(call));
    std::vector<const Json *> unique;
    std::vector<std::int32_t> hashes;
    std::unordered_map<std::int32_t, std::vector<std::size_t>> byHash;
    for (const auto &item : args[0]) {
        std::int32_t hash = java::jsonHashCode(item);
        auto &sameHash = byHash[hash];
        bool seen = false;
        for (std::size_t index : sameHash)
            seen = seen || *unique[index] == item;
        if (!seen) {
            sameHash.push_back(unique.size());
            unique.push_back(&item);
            hashes.push_back(hash);
        }
    }
    Json out = Json::array();
    for (std::size_t index : java::hashMapOrder(hashes))
        out.push_back(*unique[index]);
    return out;
}

// §5.3 JsonMerge: shallow only (deep = true fails); keys of `a` then the new keys of `b`, in
// HashMap iteration order (§2.4.1).
Result<Json, std::string> fnJsonMerge(const Args &args, const EvalContext &,
                                      const ExpressionNode &call)
{
    if (!args[0].is_object() || !args[1].is_object() || !args[2].is_boolean() ||
        args[2].get<bool>())
        return unexpected(invalidArguments(call));
    // Members are gathered as pointers (b's value wins, a's position stays) and each value is
    // copied once, straight into HashMap order: no lookups in the growing result.
    const auto &first = args[0].get_ref<const Json::object_t &>();
    const auto &second = args[1].get_ref<const Json::object_t &>();
    std::vector<std::pair<const std::string *, const Json *>> members;
    members.reserve(first.size() + second.size());
    std::unordered_map<std::string_view, std::size_t> position;
    position.reserve(first.size() + second.size());
    for (const auto &[key, value] : first) {
        position.emplace(key, members.size());
        members.emplace_back(&key, &value);
    }
    for (const auto &[key, value] : second) {
        const auto [at, added] = position.emplace(key, members.size());
        if (added)
            members.emplace_back(&key, &value);
        else
            members[at->second].second = &value;
    }
    std::vector<std::int32_t> hashes;
    hashes.reserve(members.size());
    for (const auto &member : members)
        hashes.push_back(java::stringHashCode(*member.first));
    Json merged = Json::object();
    auto &ordered = merged.get_ref<Json::object_t &>();
    ordered.reserve(members.size());
    for (std::size_t index : java::hashMapOrder(hashes))
        ordered.emplace_back(*members[index].first, *members[index].second);
    return merged;
}

} // namespace stepwise::intrinsics
