// Member offsets of compact JSON text (see MemberIndex.h). The text is compact() output: no
// whitespace, strings escaped, so a scan needs only quotes, escapes and brackets.
#include "core/engine/MemberIndex.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace stepwise::engine {
namespace {

// The end of the string starting at `pos` (its opening quote): one past the closing quote.
std::size_t skipString(std::string_view text, std::size_t pos)
{
    ++pos;
    while (pos < text.size()) {
        const void *hit = std::memchr(text.data() + pos, '"', text.size() - pos);
        if (!hit)
            return std::string_view::npos;
        std::size_t quote = static_cast<std::size_t>(static_cast<const char *>(hit) - text.data());
        std::size_t backslashes = 0;
        while (quote - backslashes > pos && text[quote - backslashes - 1] == '\\')
            ++backslashes;
        if (backslashes % 2 == 0)
            return quote + 1;
        pos = quote + 1;
    }
    return std::string_view::npos;
}

constexpr std::array<bool, 256> structuralTable()
{
    std::array<bool, 256> table{};
    for (unsigned char c : {'"', '{', '}', '[', ']'})
        table[c] = true;
    return table;
}

bool isStructural(char c)
{
    static constexpr std::array<bool, 256> table = structuralTable();
    return table[static_cast<unsigned char>(c)];
}

// One past the end of the value starting at `pos`.
std::size_t skipValue(std::string_view text, std::size_t pos)
{
    if (pos >= text.size())
        return std::string_view::npos;
    if (text[pos] == '"')
        return skipString(text, pos);
    if (text[pos] != '{' && text[pos] != '[') {
        while (pos < text.size() && text[pos] != ',' && text[pos] != '}' && text[pos] != ']')
            ++pos;
        return pos;
    }
    int depth = 0;
    while (pos < text.size()) {
        // Numbers, literals, ':' and ',' make up most of what is not a string: skip them in a
        // tight loop (this scan runs over every member before the written one).
        while (pos < text.size() && !isStructural(text[pos]))
            ++pos;
        if (pos >= text.size())
            break;
        const char c = text[pos];
        if (c == '"') {
            pos = skipString(text, pos);
            if (pos == std::string_view::npos)
                return pos;
            continue;
        }
        if (c == '{' || c == '[')
            ++depth;
        else if ((c == '}' || c == ']') && --depth == 0)
            return pos + 1;
        ++pos;
    }
    return std::string_view::npos;
}

std::size_t moved(std::size_t offset, std::ptrdiff_t delta)
{
    return static_cast<std::size_t>(static_cast<std::ptrdiff_t>(offset) + delta);
}

} // namespace

MemberIndex::Object *MemberIndex::object(std::string_view text, std::size_t open)
{
    for (Object &known : m_objects)
        if (known.open == open)
            return &known;
    if (open + 1 >= text.size() || text[open] != '{')
        return nullptr;
    Object &added = m_objects.emplace_back();
    added.open = open;
    added.next = open + 1;
    added.complete = text[open + 1] == '}';
    return &added;
}

std::optional<MemberIndex::Lookup> MemberIndex::find(std::string_view text, std::size_t open,
                                                     std::string_view key)
{
    Object *target = object(text, open);
    if (!target)
        return std::nullopt;
    const auto named = [&](const Member &member) {
        return text.substr(member.key, member.value - 1 - member.key) == key;
    };
    for (const Member &member : target->members)
        if (named(member))
            return Lookup{member, 0, false};
    // Read on from the first unread member until the name turns up or the object ends.
    while (!target->complete) {
        const std::size_t pos = target->next;
        if (pos >= text.size() || text[pos] != '"')
            return std::nullopt;
        const std::size_t keyEnd = skipString(text, pos);
        if (keyEnd == std::string_view::npos || keyEnd >= text.size() || text[keyEnd] != ':')
            return std::nullopt;
        const std::size_t valueEnd = skipValue(text, keyEnd + 1);
        if (valueEnd == std::string_view::npos || valueEnd >= text.size())
            return std::nullopt;
        if (text[valueEnd] != ',' && text[valueEnd] != '}')
            return std::nullopt;
        const Member member{pos, keyEnd + 1, valueEnd};
        target->members.push_back(member);
        target->complete = text[valueEnd] == '}';
        target->next = target->complete ? valueEnd : valueEnd + 1;
        if (named(member))
            return Lookup{member, 0, false};
    }
    return Lookup{std::nullopt, target->next, target->members.empty()};
}

void MemberIndex::shift(std::size_t from, std::ptrdiff_t delta)
{
    for (Object &known : m_objects) {
        if (known.open >= from)
            known.open = moved(known.open, delta);
        if (known.next >= from)
            known.next = moved(known.next, delta);
        for (Member &member : known.members) {
            if (member.key >= from)
                member.key = moved(member.key, delta);
            if (member.value >= from)
                member.value = moved(member.value, delta);
            if (member.end > from)
                member.end = moved(member.end, delta);
        }
    }
}

void MemberIndex::replaced(std::size_t begin, std::size_t end, std::size_t length)
{
    std::erase_if(m_objects,
                  [&](const Object &known) { return known.open >= begin && known.open < end; });
    // shift() moves what follows and leaves the replaced member itself (its end is not after
    // `end`) to be set here.
    shift(end, static_cast<std::ptrdiff_t>(length) - static_cast<std::ptrdiff_t>(end - begin));
    for (Object &known : m_objects)
        for (Member &member : known.members)
            if (member.value == begin)
                member.end = begin + length;
}

void MemberIndex::appended(std::size_t open, std::size_t at, std::size_t length, std::size_t key,
                           std::size_t value)
{
    shift(at, static_cast<std::ptrdiff_t>(length));
    for (Object &known : m_objects)
        if (known.open == open)
            known.members.push_back(Member{key, value, at + length});
}

} // namespace stepwise::engine
