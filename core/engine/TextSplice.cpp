// Member writes on compact JSON text (ASL spec §2.1 ResultPath); see TextSplice.h. The text
// is compact() output: no whitespace, strings escaped, so a scan needs only quotes, escapes and
// brackets.
#include "core/engine/TextSplice.h"

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

struct Span
{
    std::size_t begin = 0; // the member's value, or the object's closing brace when absent
    std::size_t end = 0;
    bool found = false;
    bool empty = false; // the object has no members (only for an absent member)
};

// The value of member `key` in the object starting at `pos`.
std::optional<Span> findMember(std::string_view text, std::size_t pos, std::string_view key)
{
    if (pos >= text.size() || text[pos] != '{')
        return std::nullopt;
    ++pos;
    if (pos < text.size() && text[pos] == '}')
        return Span{pos, pos, false, true};
    while (pos < text.size()) {
        const std::size_t keyEnd = skipString(text, pos);
        if (keyEnd == std::string_view::npos || keyEnd >= text.size() || text[keyEnd] != ':')
            return std::nullopt;
        const std::size_t valueEnd = skipValue(text, keyEnd + 1);
        if (valueEnd == std::string_view::npos || valueEnd >= text.size())
            return std::nullopt;
        if (text.substr(pos, keyEnd - pos) == key)
            return Span{keyEnd + 1, valueEnd, true, false};
        if (text[valueEnd] == '}')
            return Span{valueEnd, valueEnd, false, false};
        if (text[valueEnd] != ',')
            return std::nullopt;
        pos = valueEnd + 1;
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> spliceMember(std::string_view text, const std::vector<std::string> &keys,
                                        std::string_view valueText)
{
    if (keys.empty())
        return std::nullopt;
    std::size_t pos = 0;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const auto span = findMember(text, pos, keys[i]);
        if (!span)
            return std::nullopt;
        if (span->found && i + 1 < keys.size()) {
            pos = span->begin;
            continue;
        }
        std::string out;
        if (span->found) { // replace the value
            out.reserve(text.size() - (span->end - span->begin) + valueText.size());
            out.append(text.substr(0, span->begin));
            out.append(valueText);
            out.append(text.substr(span->end));
            return out;
        }
        // Insert `"k_i":{"k_i+1":{...value...}}` before the closing brace.
        std::size_t extra = valueText.size() + 2 * keys.size();
        for (std::size_t k = i; k < keys.size(); ++k)
            extra += keys[k].size() + 1;
        out.reserve(text.size() + extra);
        out.append(text.substr(0, span->begin));
        if (!span->empty)
            out += ',';
        for (std::size_t k = i; k < keys.size(); ++k) {
            out.append(keys[k]);
            out += ':';
            if (k + 1 < keys.size())
                out += '{';
        }
        out.append(valueText);
        out.append(keys.size() - 1 - i, '}');
        out.append(text.substr(span->begin));
        return out;
    }
    return std::nullopt;
}

} // namespace stepwise::engine
