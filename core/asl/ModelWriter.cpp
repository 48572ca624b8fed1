// Typed model → JSON: keys come out in `meta.keyOrder`, each from its typed member or from
// `meta.extras`; members set after reading (absent from keyOrder) follow in canonical ASL order
// (core/asl/ModelFields.h), then any extras added later.
#include "core/asl/ModelFields.h"
#include "core/asl/Serializer.h"

#include <unordered_set>
#include <utility>

namespace stepwise::asl {
namespace {

using fields::JsonKind;

// Appends without the linear duplicate search of ordered_map::emplace; callers never repeat
// a key.
void appendMember(Json &object, std::string key, Json value)
{
    static_cast<Json::object_t::Container &>(object.get_ref<Json::object_t &>())
        .emplace_back(std::move(key), std::move(value));
}

template <typename T> Json writeObject(const T &object);
Json writeState(const State &state);

// Collects the members a model object has set; a visitor for fields::visit.
class ObjectWriter
{
public:
    explicit ObjectWriter(const ObjectMeta &meta) : m_meta(meta) {}

    // A required string: written when set, or when the source had it (even empty).
    void operator()(std::string_view key, const std::string &member)
    {
        add(key, Json(member), member.empty());
    }
    void operator()(std::string_view key, const std::optional<std::string> &member)
    {
        if (member)
            add(key, Json(*member));
    }
    void operator()(std::string_view key, const std::optional<bool> &member)
    {
        if (member)
            add(key, Json(*member));
    }
    void operator()(std::string_view key, const PathField &member)
    {
        if (member.hasPath())
            add(key, Json(member.text));
        else if (member.isNull())
            add(key, Json(nullptr));
    }
    void operator()(std::string_view key, const std::vector<std::string> &member)
    {
        add(key, Json(member), member.empty());
    }
    void operator()(std::string_view key, const std::optional<Json> &member, JsonKind)
    {
        if (member)
            add(key, *member);
    }
    template <typename T>
    void operator()(std::string_view key, const std::optional<std::vector<T>> &member)
    {
        if (!member)
            return;
        Json array = Json::array();
        for (const T &item : *member)
            array.push_back(writeObject(item));
        add(key, std::move(array));
    }

    void comparison(const ChoiceRule &rule)
    {
        if (!rule.comparison.empty())
            add(rule.comparison, rule.operand);
    }
    void notRule(const ChoiceRule &rule)
    {
        if (rule.hasNot && !rule.notRule.empty())
            add(keys::Not, writeObject(rule.notRule.front()));
    }
    void processor(const MapState &state)
    {
        if (state.itemProcessor)
            add(state.legacyIterator ? keys::Iterator : keys::ItemProcessor,
                writeObject(**state.itemProcessor));
    }
    void states(const StateMachine &machine)
    {
        if (!machine.hasStates && machine.states.empty())
            return;
        Json states = Json::object();
        std::unordered_set<std::string_view> names;
        for (const State &state : machine.states)
            if (names.insert(common(state).name).second)
                appendMember(states, common(state).name, writeState(state));
        add(keys::States, std::move(states));
    }

    Json finish();

private:
    struct Entry
    {
        std::string_view key;
        Json value;
        bool weak; // an empty required member: written only where the source had it
        bool written = false;
    };

    void add(std::string_view key, Json value, bool weak = false)
    {
        m_entries.push_back(Entry{key, std::move(value), weak});
    }

    Entry *find(std::string_view key)
    {
        for (Entry &e : m_entries)
            if (e.key == key)
                return &e;
        return nullptr;
    }

    const ObjectMeta &m_meta;
    std::vector<Entry> m_entries;
};

Json ObjectWriter::finish()
{
    Json out = Json::object();
    std::unordered_set<std::string_view> written;
    // Entries are moved out (each is emitted at most once): copying them would copy every
    // nested branch once per enclosing level, quadratic in the nesting depth.
    auto emit = [&](std::string_view key, Json value) {
        if (written.insert(key).second)
            appendMember(out, std::string(key), std::move(value));
    };
    const bool hasExtras = m_meta.extras.is_object();
    for (const std::string &key : m_meta.keyOrder) {
        auto extra = hasExtras ? m_meta.extras.find(key) : m_meta.extras.end();
        const bool inExtras = extra != m_meta.extras.end();
        Entry *entry = find(key);
        if (entry && (!entry->weak || !inExtras)) {
            entry->written = true;
            emit(key, std::move(entry->value));
        } else if (inExtras) {
            emit(key, *extra);
        }
    }
    for (Entry &e : m_entries)
        if (!e.written && !e.weak)
            emit(e.key, std::move(e.value));
    if (hasExtras)
        for (auto it = m_meta.extras.begin(); it != m_meta.extras.end(); ++it)
            emit(it.key(), it.value());
    return out;
}

template <typename T> Json writeObject(const T &object)
{
    ObjectWriter writer(object.meta);
    fields::visit(object, writer);
    return writer.finish();
}

Json writeState(const State &state)
{
    return std::visit(
        [](const auto &s) {
            ObjectWriter writer(s.meta);
            fields::visitState(s, writer);
            return writer.finish();
        },
        state);
}

} // namespace

Json toJson(const StateMachine &machine)
{
    return writeObject(machine);
}

std::string serialize(const StateMachine &machine, int indent)
{
    std::string text = toJson(machine).dump(indent, ' ', false, Json::error_handler_t::replace);
    text += '\n';
    return text;
}

std::string serializeYaml(const StateMachine &machine)
{
    return jsonToYaml(toJson(machine));
}

} // namespace stepwise::asl
