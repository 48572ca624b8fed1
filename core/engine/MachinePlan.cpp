// A state machine prepared once for all its executions (MachinePlan.h).
#include "core/engine/MachinePlan.h"

#include "core/common/JavaHashOrder.h"
#include "core/engine/DataFlow.h"

#include <algorithm>
#include <type_traits>

namespace stepwise::engine {
DollarFields dollarFieldsOf(const Json &templateObject)
{
    DollarFields fields;
    const auto &members = templateObject.get_ref<const Json::object_t &>();
    std::vector<std::int32_t> hashes;
    std::vector<std::string_view> literals;
    for (const auto &[key, value] : members) {
        if (!isDollarKey(key)) {
            literals.push_back(key);
            continue;
        }
        fields.keys.push_back(key.substr(0, key.size() - 2));
        hashes.push_back(java::stringHashCode(fields.keys.back()));
    }
    for (const std::string &key : fields.keys)
        fields.shadowsLiteral = fields.shadowsLiteral
                             || std::find(literals.begin(), literals.end(), key)
                                    != literals.end();
    fields.order = java::hashMapOrder(hashes);
    return fields;
}

std::optional<std::vector<std::string>> escapedMemberNames(const jsonpath::Path &path)
{
    if (path.root() != jsonpath::Path::Root::Input)
        return std::nullopt;
    auto names = path.memberNames();
    if (names)
        for (std::string &name : *names)
            name = compact(Json(std::move(name)));
    return names;
}

MachinePlan::MachinePlan(asl::StateMachine machine) : m_machine(std::move(machine))
{
    addMachine(m_machine);
}

void MachinePlan::addMachine(const asl::StateMachine &machine)
{
    if (machine.states.size() > kScanLimit) {
        auto &index = m_stateIndex[&machine];
        for (const asl::State &state : machine.states)
            index.emplace(asl::common(state).name, &state);
    }
    for (const asl::State &state : machine.states)
        addState(state);
}

void MachinePlan::addState(const asl::State &state)
{
    const asl::StateCommon &common = asl::common(state);
    addPath(common.inputPath);
    addPath(common.outputPath);
    addTemplate(common.assign);
    std::visit(
        [&](const auto &typed) {
            using T = std::decay_t<decltype(typed)>;
            if constexpr (std::is_same_v<T, asl::PassState>) {
                addTemplate(typed.parameters);
                addPath(typed.resultPath);
            } else if constexpr (std::is_same_v<T, asl::TaskState>
                                 || std::is_same_v<T, asl::ParallelState>
                                 || std::is_same_v<T, asl::MapState>) {
                if constexpr (std::is_same_v<T, asl::TaskState>)
                    m_resources.emplace(&typed, classifyResource(typed.resource));
                addTemplate(typed.parameters);
                addTemplate(typed.resultSelector);
                addPath(typed.resultPath);
                if (typed.catchers)
                    for (const asl::Catcher &catcher : *typed.catchers) {
                        addPath(catcher.resultPath);
                        addTemplate(catcher.assign);
                    }
                if constexpr (std::is_same_v<T, asl::ParallelState>) {
                    if (typed.branches)
                        for (const asl::StateMachine &branch : *typed.branches)
                            addMachine(branch);
                }
                if constexpr (std::is_same_v<T, asl::MapState>) {
                    addTemplate(typed.itemSelector);
                    addPath(typed.itemsPath);
                    if (typed.itemProcessor)
                        addMachine(**typed.itemProcessor);
                }
            }
        },
        state);
}

void MachinePlan::addTemplate(const std::optional<Json> &payloadTemplate)
{
    if (payloadTemplate)
        addTemplateNode(*payloadTemplate);
}

void MachinePlan::addTemplateNode(const Json &node)
{
    if (node.is_array()) {
        for (const Json &element : node)
            addTemplateNode(element);
        return;
    }
    if (!node.is_object())
        return;
    DollarFields fields = dollarFieldsOf(node);
    for (const auto &[key, value] : node.get_ref<const Json::object_t &>()) {
        if (!isDollarKey(key)) {
            addTemplateNode(value);
            continue;
        }
        const jsonpath::Path *path = nullptr;
        const intrinsics::Expression *call = nullptr;
        if (value.is_string()) {
            const std::string &text = value.get_ref<const std::string &>();
            if (text.starts_with("$"))
                path = addPathText(text);
            else
                call = addIntrinsic(text);
        }
        fields.paths.push_back(path);
        fields.calls.push_back(call);
    }
    m_dollarFields.emplace(&node, std::move(fields));
}

void MachinePlan::addPath(const asl::PathField &field)
{
    if (!field.hasPath())
        return;
    if (const jsonpath::Path *parsed = addPathText(field.text))
        m_fieldPaths.emplace(&field, parsed);
}

const jsonpath::Path *MachinePlan::path(const asl::PathField &field) const
{
    const auto it = m_fieldPaths.find(&field);
    return it == m_fieldPaths.end() ? nullptr : it->second;
}

const jsonpath::Path *MachinePlan::addPathText(const std::string &text)
{
    if (const auto it = m_paths.find(text); it != m_paths.end())
        return it->second.get();
    auto parsed = jsonpath::Path::parse(text);
    if (!parsed.hasValue())
        return nullptr; // the execution reports the syntax error where the path is used
    auto stored = std::make_unique<jsonpath::Path>(std::move(parsed).value());
    const jsonpath::Path *path = stored.get();
    if (auto names = escapedMemberNames(*stored))
        m_escapedMembers.emplace(path, std::move(*names));
    m_paths.emplace(text, std::move(stored));
    return path;
}

const intrinsics::Expression *MachinePlan::addIntrinsic(const std::string &text)
{
    if (const auto it = m_intrinsics.find(text); it != m_intrinsics.end())
        return it->second.get();
    auto parsed = intrinsics::Expression::parse(text);
    if (!parsed.hasValue())
        return nullptr; // reported by the execution, as for paths
    auto stored = std::make_unique<intrinsics::Expression>(std::move(parsed).value());
    const intrinsics::Expression *call = stored.get();
    m_intrinsics.emplace(text, std::move(stored));
    return call;
}

const DollarFields *MachinePlan::dollarFields(const Json &templateObject) const
{
    const auto it = m_dollarFields.find(&templateObject);
    return it == m_dollarFields.end() ? nullptr : &it->second;
}

const jsonpath::Path *MachinePlan::path(const std::string &text) const
{
    const auto it = m_paths.find(text);
    return it == m_paths.end() ? nullptr : it->second.get();
}

const intrinsics::Expression *MachinePlan::intrinsic(const std::string &text) const
{
    const auto it = m_intrinsics.find(text);
    return it == m_intrinsics.end() ? nullptr : it->second.get();
}

const std::vector<std::string> *MachinePlan::escapedMembers(const jsonpath::Path &path) const
{
    const auto it = m_escapedMembers.find(&path);
    return it == m_escapedMembers.end() ? nullptr : &it->second;
}

const ResourceInfo *MachinePlan::resourceInfo(const asl::TaskState &task) const
{
    const auto it = m_resources.find(&task);
    return it == m_resources.end() ? nullptr : &it->second;
}

const asl::State *MachinePlan::findState(const asl::StateMachine &owner, std::string_view name,
                                         bool &indexed) const
{
    const auto index = m_stateIndex.find(&owner);
    indexed = index != m_stateIndex.end();
    if (!indexed)
        return nullptr;
    const auto it = index->second.find(name);
    return it == index->second.end() ? nullptr : it->second;
}

} // namespace stepwise::engine
