// Payload templates and Assign in JSONPath mode (ASL spec §2.4, §4.1), with the key order AWS
// produces (spec §2.4.1): literal fields first, then `.$` fields in java.util.HashMap order.
#include "core/engine/DataFlow.h"

#include "core/common/JavaHashOrder.h"

namespace stepwise::engine {
namespace {

Eval<Json> evalNode(ExecutionImpl &rt, const Thread &thread, const Json &node,
                    const PathRoots &roots);

// One `"key.$": "<path | intrinsic>"` value (spec §2.4 rule 2).
Eval<Json> evalDollarValue(ExecutionImpl &rt, const Thread &thread, const std::string &key,
                           const Json &value, const PathRoots &roots)
{
    if (!value.is_string())
        return unexpected(rt.runtimeError(thread, "The value for the field '" + key
                                                      + "' must be a STRING"));
    return evalFieldPath(rt, thread, value.get<std::string>(), key, roots);
}

Eval<Json> evalObject(ExecutionImpl &rt, const Thread &thread, const Json &node,
                      const PathRoots &roots)
{
    Json out = Json::object();
    std::vector<std::string> dollarKeys;
    std::vector<Json> dollarValues;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const std::string &key = it.key();
        if (key.size() > 2 && key.ends_with(".$")) {
            auto value = evalDollarValue(rt, thread, key, it.value(), roots);
            if (!value.hasValue())
                return value;
            dollarKeys.push_back(key.substr(0, key.size() - 2));
            dollarValues.push_back(std::move(value).value());
            continue;
        }
        auto value = evalNode(rt, thread, it.value(), roots);
        if (!value.hasValue())
            return value;
        out[key] = std::move(value).value();
    }
    std::vector<std::int32_t> hashes;
    hashes.reserve(dollarKeys.size());
    for (const std::string &key : dollarKeys)
        hashes.push_back(java::stringHashCode(key));
    for (std::size_t index : java::hashMapOrder(hashes))
        out[dollarKeys[index]] = std::move(dollarValues[index]);
    return out;
}

Eval<Json> evalNode(ExecutionImpl &rt, const Thread &thread, const Json &node,
                    const PathRoots &roots)
{
    if (node.is_object())
        return evalObject(rt, thread, node, roots);
    if (node.is_array()) {
        Json out = Json::array();
        for (const Json &element : node) {
            auto value = evalNode(rt, thread, element, roots);
            if (!value.hasValue())
                return value;
            out.push_back(std::move(value).value());
        }
        return out;
    }
    return node;
}

} // namespace

Eval<Json> evalTemplate(ExecutionImpl &rt, const Thread &thread, const Json &payloadTemplate,
                        const PathRoots &roots)
{
    return evalNode(rt, thread, payloadTemplate, roots);
}

// Assign (spec §4.1, §4.2): all right-hand sides first, against entry-time variables.
Eval<Json> evalAssign(ExecutionImpl &rt, const Thread &thread, const Json &assign,
                      const PathRoots &roots)
{
    if (!assign.is_object())
        return Json::object();
    return evalObject(rt, thread, assign, roots);
}

} // namespace stepwise::engine
