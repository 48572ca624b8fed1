// The process-wide set of event names behind EventName.
#include "core/engine/EventName.h"

#include <mutex>
#include <unordered_set>

namespace stepwise::engine {
namespace {

struct NameHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const
    {
        return std::hash<std::string_view>{}(text);
    }
};

struct Registry
{
    std::mutex mutex; // executions run on debugger worker threads too
    std::unordered_set<std::string, NameHash, std::equal_to<>> names;
};

// Never destroyed: names are read by events that may outlive static destruction order.
Registry &registry()
{
    static Registry *instance = new Registry;
    return *instance;
}

} // namespace

const std::string *EventName::intern(std::string_view text)
{
    if (text.empty())
        return &emptyText();
    Registry &names = registry();
    const std::lock_guard lock(names.mutex);
    auto found = names.names.find(text);
    if (found == names.names.end())
        found = names.names.emplace(text).first; // node-based: the address stays
    return &*found;
}

EventName::EventName(std::string_view text) : m_text(intern(text)) {}

} // namespace stepwise::engine
