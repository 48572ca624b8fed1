// JSON → typed model (ASL spec §1). Every key lands either in its typed member or, when the
// model does not know it or its JSON type is wrong, verbatim in `meta.extras`; `meta.keyOrder`
// records the source order so the writer can reproduce the document exactly.
#include "core/asl/JsonPointer.h"
#include "core/asl/ModelFields.h"
#include "core/asl/Parser.h"

#include <optional>
#include <utility>

namespace stepwise::asl {
namespace {

using fields::JsonKind;

bool accepts(JsonKind kind, const Json &value)
{
    switch (kind) {
    case JsonKind::Any:
        return true;
    case JsonKind::String:
        return value.is_string();
    case JsonKind::Number:
        return value.is_number();
    case JsonKind::NumberOrString:
        return value.is_number() || value.is_string();
    }
    return false;
}

bool isStringArray(const Json &value)
{
    if (!value.is_array())
        return false;
    for (const Json &item : value)
        if (!item.is_string())
            return false;
    return true;
}

ParseError shapeError(std::string pointer, std::string_view what)
{
    return ParseError{std::string(what), std::move(pointer), 0, 0};
}

template <typename T>
Result<T, ParseError> readObject(const Json &json, const std::string &pointer);
Result<State, ParseError> readState(const std::string &name, const Json &json,
                                    const std::string &pointer);

// Reads the members of one JSON object; a visitor for fields::visit.
class ObjectReader
{
public:
    ObjectReader(const Json &object, std::string pointer) : m_pointer(std::move(pointer))
    {
        m_entries.reserve(object.size());
        for (auto it = object.begin(); it != object.end(); ++it)
            m_entries.push_back(Entry{it.key(), &it.value(), false});
    }

    const std::optional<ParseError> &error() const { return m_error; }

    void operator()(std::string_view key, std::string &member)
    {
        if (Entry *e = take(key, [](const Json &v) { return v.is_string(); }))
            member = e->value->get<std::string>();
    }
    void operator()(std::string_view key, std::optional<std::string> &member)
    {
        if (Entry *e = take(key, [](const Json &v) { return v.is_string(); }))
            member = e->value->get<std::string>();
    }
    void operator()(std::string_view key, std::optional<bool> &member)
    {
        if (Entry *e = take(key, [](const Json &v) { return v.is_boolean(); }))
            member = e->value->get<bool>();
    }
    void operator()(std::string_view key, PathField &member)
    {
        if (Entry *e = take(key, [](const Json &v) { return v.is_string() || v.is_null(); }))
            member = e->value->is_null() ? PathField::null()
                                         : PathField::path(e->value->get<std::string>());
    }
    void operator()(std::string_view key, std::vector<std::string> &member)
    {
        if (Entry *e = take(key, isStringArray))
            member = e->value->get<std::vector<std::string>>();
    }
    void operator()(std::string_view key, std::optional<Json> &member, JsonKind kind)
    {
        if (Entry *e = take(key, [kind](const Json &v) { return accepts(kind, v); }))
            member = *e->value;
    }
    template <typename T>
    void operator()(std::string_view key, std::optional<std::vector<T>> &member)
    {
        Entry *e = take(key, [](const Json &v) { return v.is_array(); });
        if (!e)
            return;
        std::vector<T> items;
        items.reserve(e->value->size());
        const std::string pointer = childPointer(m_pointer, key);
        for (std::size_t i = 0; i < e->value->size() && !m_error; ++i) {
            if (auto item = readObject<T>((*e->value)[i], childPointer(pointer, i)))
                items.push_back(std::move(item).value());
            else
                m_error = item.error();
        }
        member = std::move(items);
    }

    // The first comparison operator of a choice rule (ASL spec §6.2); any further one stays
    // in extras for the validator to report.
    void comparison(ChoiceRule &rule)
    {
        for (Entry &e : m_entries) {
            if (!e.used && keys::isComparisonOperator(e.key)) {
                e.used = true;
                rule.comparison = std::string(e.key);
                rule.operand = *e.value;
                return;
            }
        }
    }

    void notRule(ChoiceRule &rule)
    {
        if (auto nested = readNested<ChoiceRule>(keys::Not)) {
            rule.notRule = {std::move(*nested)};
            rule.hasNot = true;
        }
    }

    // ItemProcessor, or its deprecated name Iterator (ASL spec §1.2).
    void processor(MapState &state)
    {
        if (auto machine = readNested<StateMachine>(keys::ItemProcessor)) {
            state.itemProcessor = Box<StateMachine>(std::move(*machine));
        } else if (!m_error) {
            if (auto legacy = readNested<StateMachine>(keys::Iterator)) {
                state.itemProcessor = Box<StateMachine>(std::move(*legacy));
                state.legacyIterator = true;
            }
        }
    }

    void states(StateMachine &machine)
    {
        Entry *e = find(keys::States);
        if (!e || m_error)
            return;
        const std::string pointer = childPointer(m_pointer, keys::States);
        if (!e->value->is_object()) {
            m_error = shapeError(pointer, "'States' must be a JSON object");
            return;
        }
        e->used = true;
        machine.hasStates = true;
        machine.states.reserve(e->value->size());
        for (auto it = e->value->begin(); it != e->value->end() && !m_error; ++it) {
            auto state = readState(it.key(), it.value(), childPointer(pointer, it.key()));
            if (state)
                machine.states.push_back(std::move(state).value());
            else
                m_error = state.error();
        }
    }

    void finish(ObjectMeta &meta) const
    {
        meta.keyOrder.reserve(m_entries.size());
        for (const Entry &e : m_entries) {
            meta.keyOrder.emplace_back(e.key);
            if (!e.used)
                meta.extras[std::string(e.key)] = *e.value;
        }
    }

private:
    struct Entry
    {
        std::string_view key;
        const Json *value;
        bool used;
    };

    Entry *find(std::string_view key)
    {
        for (Entry &e : m_entries)
            if (e.key == key && !e.used)
                return &e;
        return nullptr;
    }

    // Marks the member as read when its JSON type fits; otherwise it stays for extras.
    template <typename Accept> Entry *take(std::string_view key, Accept accept)
    {
        Entry *e = m_error ? nullptr : find(key);
        if (!e || !accept(*e->value))
            return nullptr;
        e->used = true;
        return e;
    }

    // A member that must be an object for a model to exist (Not, ItemProcessor, Iterator).
    template <typename T> std::optional<T> readNested(std::string_view key)
    {
        Entry *e = m_error ? nullptr : find(key);
        if (!e)
            return std::nullopt;
        auto nested = readObject<T>(*e->value, childPointer(m_pointer, key));
        if (!nested) {
            m_error = nested.error();
            return std::nullopt;
        }
        e->used = true;
        return std::move(nested).value();
    }

    std::vector<Entry> m_entries;
    std::string m_pointer;
    std::optional<ParseError> m_error;
};

template <typename T> Result<T, ParseError> readObject(const Json &json, const std::string &pointer)
{
    if (!json.is_object())
        return unexpected(shapeError(pointer, "expected a JSON object"));
    T object;
    ObjectReader reader(json, pointer);
    fields::visit(object, reader);
    if (reader.error())
        return unexpected(*reader.error());
    reader.finish(object.meta);
    return object;
}

template <std::size_t... I> State makeState(std::size_t index, std::index_sequence<I...>)
{
    State state;
    ((index == I ? static_cast<void>(state.emplace<I>()) : static_cast<void>(0)), ...);
    return state;
}

// `Type` picks the alternative; a missing or unknown Type reads as Pass while `type` keeps the
// text as written, so the validator can report it and the writer reproduces it.
std::size_t stateIndex(const Json &state)
{
    auto it = state.find(keys::Type);
    if (it == state.end() || !it->is_string())
        return 0;
    const std::string &type = it->get_ref<const std::string &>();
    for (std::size_t i = 0; i < keys::StateTypes.size(); ++i)
        if (keys::StateTypes[i] == type)
            return i;
    return 0;
}

Result<State, ParseError> readState(const std::string &name, const Json &json,
                                    const std::string &pointer)
{
    if (!json.is_object())
        return unexpected(shapeError(pointer, "a state must be a JSON object"));
    State state = makeState(stateIndex(json), std::make_index_sequence<keys::StateTypes.size()>{});
    ObjectReader reader(json, pointer);
    std::visit(
        [&](auto &s) {
            s.name = name;
            fields::visitState(s, reader);
            if (!reader.error())
                reader.finish(s.meta);
        },
        state);
    if (reader.error())
        return unexpected(*reader.error());
    return state;
}

} // namespace

Result<StateMachine, ParseError> fromJson(const Json &definition)
{
    if (!definition.is_object())
        return unexpected(shapeError("", "Definition must be a valid JSON object"));
    return readObject<StateMachine>(definition, "");
}

} // namespace stepwise::asl
