#pragma once
// What every execution of one state machine can share, worked out once when the machine is
// prepared (as AWS compiles a definition when it is created, not at each StartExecution): the
// states of each (nested) machine by name, the `.$` key order of its payload templates and its
// paths and intrinsic calls, parsed. Immutable once built, so executions on different threads
// may share it; an execution keeps its own caches for anything the plan does not hold.
#include "core/asl/StateMachine.h"
#include "core/engine/ResourceInfo.h"
#include "core/intrinsics/Expression.h"
#include "core/jsonpath/Path.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace stepwise::engine {

// A payload template object's `.$` fields (spec §2.4.1): their output keys (without ".$") in
// document order, and the order AWS prints them in (java.util.HashMap order).
struct DollarFields
{
    std::vector<std::string> keys;
    std::vector<std::size_t> order;
    bool shadowsLiteral = false; // a key is also a literal field's key ({"a": 1, "a.$": ...})
    // Per `.$` field in document order, its value parsed by the plan: a path or an intrinsic
    // call (both null when the plan has none for it: the execution parses it then).
    std::vector<const jsonpath::Path *> paths;
    std::vector<const intrinsics::Expression *> calls;
};

// `"key.$"`: a payload template field whose value is a path or an intrinsic call (spec §2.4).
inline bool isDollarKey(const std::string &key)
{
    return key.size() > 2 && key.ends_with(".$");
}

DollarFields dollarFieldsOf(const Json &templateObject);

// ResultPath's member names as compact JSON prints them ("\"a\"", quotes included); nullopt
// when the path has other steps or another root.
std::optional<std::vector<std::string>> escapedMemberNames(const jsonpath::Path &path);

class MachinePlan
{
public:
    // Machines this short are scanned, not indexed: comparing a few names beats hashing one.
    static constexpr std::size_t kScanLimit = 16;

    explicit MachinePlan(asl::StateMachine machine);
    MachinePlan(const MachinePlan &) = delete;
    MachinePlan &operator=(const MachinePlan &) = delete;

    const asl::StateMachine &machine() const { return m_machine; }

    // Each lookup returns nullptr when the plan does not hold the item (the caller computes it).
    const DollarFields *dollarFields(const Json &templateObject) const;
    const jsonpath::Path *path(const std::string &text) const;
    // The parsed path of a field of this plan's machine, found by the field's address.
    const jsonpath::Path *path(const asl::PathField &field) const;
    const intrinsics::Expression *intrinsic(const std::string &text) const;
    const std::vector<std::string> *escapedMembers(const jsonpath::Path &path) const;
    const ResourceInfo *resourceInfo(const asl::TaskState &task) const;
    // The state named `name` in `owner` (this plan's machine or one nested in it) when `owner`
    // is indexed; nullptr with `indexed` false when it is not.
    const asl::State *findState(const asl::StateMachine &owner, std::string_view name,
                                bool &indexed) const;

private:
    void addMachine(const asl::StateMachine &machine);
    void addState(const asl::State &state);
    void addTemplate(const std::optional<Json> &payloadTemplate);
    void addTemplateNode(const Json &node);
    void addPath(const asl::PathField &field);
    const jsonpath::Path *addPathText(const std::string &text);
    const intrinsics::Expression *addIntrinsic(const std::string &text);

    asl::StateMachine m_machine;
    std::unordered_map<const asl::StateMachine *,
                       std::unordered_map<std::string_view, const asl::State *>>
        m_stateIndex;
    std::unordered_map<const Json *, DollarFields> m_dollarFields;
    std::unordered_map<std::string, std::unique_ptr<jsonpath::Path>> m_paths;
    std::unordered_map<std::string, std::unique_ptr<intrinsics::Expression>> m_intrinsics;
    std::unordered_map<const jsonpath::Path *, std::vector<std::string>> m_escapedMembers;
    std::unordered_map<const asl::TaskState *, ResourceInfo> m_resources;
    std::unordered_map<const asl::PathField *, const jsonpath::Path *> m_fieldPaths;
};

} // namespace stepwise::engine
