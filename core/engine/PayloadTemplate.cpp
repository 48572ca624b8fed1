// Payload templates and Assign in JSONPath mode (ASL spec §2.4, §4.1), with the key order AWS
// produces (spec §2.4.1): literal fields first, then `.$` fields in java.util.HashMap order.
#include "core/engine/DataFlow.h"

#include <algorithm>
#include <string_view>

namespace stepwise::engine {
namespace {

Eval<Json> evalNode(ExecutionImpl &rt, const Thread &thread, const Json &node,
                    const PathRoots &roots);

// One `"key.$": "<path | intrinsic>"` value (spec §2.4 rule 2).
Eval<Json> evalDollarValue(ExecutionImpl &rt, const Thread &thread, const std::string &key,
                           const Json &value, const PathRoots &roots,
                           const DollarFields &fields, std::size_t index)
{
    if (!value.is_string())
        return unexpected(rt.runtimeError(thread, "The value for the field '" + key
                                                      + "' must be a STRING"));
    const bool planned = index < fields.paths.size();
    return evalFieldPath(rt, thread, value.get_ref<const std::string &>(), key, roots,
                         planned ? fields.paths[index] : nullptr,
                         planned ? fields.calls[index] : nullptr);
}

// The node a planned `.$` path names, when it names one (the usual case): it is copied straight
// into place, without readPath's and evalFieldPath's result wrappers.
const Json *plannedNode(const DollarFields &fields, std::size_t index, const Json &templateValue,
                        const PathRoots &roots)
{
    if (index >= fields.paths.size() || !fields.paths[index] || !templateValue.is_string())
        return nullptr;
    return locateNode(*fields.paths[index], templateValue.get_ref<const std::string &>(), roots);
}

// Fields are evaluated in document order (errors and States.UUID / MathRandom draws follow
// it); literal fields are output first, then `.$` fields in the cached HashMap order.
Eval<Json> evalObject(ExecutionImpl &rt, const Thread &thread, const Json &node,
                      const PathRoots &roots)
{
    const DollarFields &fields = rt.dollarFields(node);
    const auto &templateMembers = node.get_ref<const Json::object_t &>();
    Json out(Json::value_t::object);
    auto &members = out.get_ref<Json::object_t &>();
    members.reserve(templateMembers.size());
    std::vector<Json> &dollarValues = rt.templateValues;
    const std::size_t base = dollarValues.size();
    const auto failed = [&](Eval<Json> &&error) {
        dollarValues.resize(base);
        return std::move(error);
    };
    for (const auto &[key, templateValue] : templateMembers) {
        if (isDollarKey(key)) {
            const std::size_t index = dollarValues.size() - base;
            if (const Json *located = plannedNode(fields, index, templateValue, roots)) {
                dollarValues.push_back(*located);
                continue;
            }
            auto value = evalDollarValue(rt, thread, key, templateValue, roots, fields, index);
            if (!value.hasValue())
                return failed(std::move(value));
            dollarValues.push_back(std::move(value).value());
            continue;
        }
        auto value = evalNode(rt, thread, templateValue, roots);
        if (!value.hasValue())
            return failed(std::move(value));
        // Literal keys are distinct (the template is a JSON object): no lookup needed.
        members.emplace_back(key, std::move(value).value());
    }
    for (std::size_t index : fields.order) {
        if (fields.shadowsLiteral) // the value replaces the literal's, where it stands
            out[fields.keys[index]] = std::move(dollarValues[base + index]);
        else
            members.emplace_back(fields.keys[index], std::move(dollarValues[base + index]));
    }
    dollarValues.resize(base);
    return out;
}

Eval<Json> evalNode(ExecutionImpl &rt, const Thread &thread, const Json &node,
                    const PathRoots &roots)
{
    if (node.is_object())
        return evalObject(rt, thread, node, roots);
    if (node.is_array()) {
        Json out = Json(Json::value_t::array);
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

const DollarFields &ExecutionImpl::dollarFields(const Json &templateObject)
{
    if (const DollarFields *planned = plan->dollarFields(templateObject))
        return *planned;
    auto [it, inserted] = m_dollarFields.try_emplace(&templateObject);
    if (inserted)
        it->second = dollarFieldsOf(templateObject);
    return it->second;
}

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
        return Json(Json::value_t::object);
    return evalObject(rt, thread, assign, roots);
}

} // namespace stepwise::engine
