// Parser for the Jayway JSONPath dialect that AWS uses (ASL spec §2.3).
#include "core/jsonpath/PathProgram.h"

#include <charconv>

namespace stepwise::jsonpath {
namespace {

PathSyntaxError syntaxError(std::string_view text, std::size_t pos)
{
    if (pos >= text.size())
        return {"Unexpected end of path at " + std::to_string(pos), pos};
    return {"Unexpected character '" + std::string(1, text[pos]) + "' at " + std::to_string(pos),
            pos};
}

void skipSpaces(std::string_view text, std::size_t &pos)
{
    while (pos < text.size() && text[pos] == ' ')
        ++pos;
}

bool endsDotName(char c, bool inFilter)
{
    if (c == '.' || c == '[' || c == '(')
        return true;
    if (!inFilter)
        return false;
    static constexpr std::string_view stops = " )=!<>&|,";
    return stops.find(c) != std::string_view::npos;
}

std::optional<std::int64_t> readInteger(std::string_view text, std::size_t &pos)
{
    skipSpaces(text, pos);
    std::size_t start = pos;
    if (pos < text.size() && text[pos] == '-')
        ++pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9')
        ++pos;
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data() + start, text.data() + pos, value);
    if (ec != std::errc() || end != text.data() + pos) {
        pos = start;
        return std::nullopt;
    }
    skipSpaces(text, pos);
    return value;
}

// AWS's Jayway keeps a quoted name verbatim: a backslash only stops the next character from
// closing the quote and stays in the name (recorded: `$['a\"b']` reads the key `a\"b`).
Result<std::string, PathSyntaxError> readQuoted(std::string_view text, std::size_t &pos)
{
    char quote = text[pos++];
    std::string out;
    while (pos < text.size() && text[pos] != quote) {
        if (text[pos] == '\\' && pos + 1 < text.size())
            out += text[pos++];
        out += text[pos++];
    }
    if (pos >= text.size())
        return unexpected(syntaxError(text, pos));
    ++pos;
    return out;
}

// `[` already consumed: quoted names `'a'` or `'a','b'`, then `]`.
Result<Component, PathSyntaxError> parseBracketNames(std::string_view text, std::size_t &pos)
{
    Component c;
    while (true) {
        skipSpaces(text, pos);
        if (pos >= text.size() || (text[pos] != '\'' && text[pos] != '"'))
            return unexpected(syntaxError(text, pos));
        auto name = readQuoted(text, pos);
        if (!name)
            return unexpected(name.error());
        c.names.push_back(std::move(name.value()));
        skipSpaces(text, pos);
        if (pos < text.size() && text[pos] == ',') {
            ++pos;
            continue;
        }
        break;
    }
    if (pos >= text.size() || text[pos] != ']')
        return unexpected(syntaxError(text, pos));
    ++pos;
    if (c.names.size() == 1) {
        c.kind = Component::Kind::Name;
        c.name = std::move(c.names.front());
        c.names.clear();
    } else {
        c.kind = Component::Kind::Names;
    }
    return c;
}

// `[` already consumed: `n`, `n,m,...`, `a:b`, `a:`, `:b`, then `]`.
Result<Component, PathSyntaxError> parseBracketNumbers(std::string_view text, std::size_t &pos)
{
    Component c;
    auto first = readInteger(text, pos);
    if (pos < text.size() && text[pos] == ':') {
        ++pos;
        c.kind = Component::Kind::Slice;
        c.sliceFrom = first;
        c.sliceTo = readInteger(text, pos);
    } else if (!first) {
        return unexpected(syntaxError(text, pos));
    } else {
        c.kind = Component::Kind::Index;
        c.index = *first;
        while (pos < text.size() && text[pos] == ',') {
            ++pos;
            auto next = readInteger(text, pos);
            if (!next)
                return unexpected(syntaxError(text, pos));
            if (c.indexes.empty())
                c.indexes.push_back(c.index);
            c.indexes.push_back(*next);
            c.kind = Component::Kind::Indexes;
        }
    }
    if (pos >= text.size() || text[pos] != ']')
        return unexpected(syntaxError(text, pos));
    ++pos;
    return c;
}

Result<Component, PathSyntaxError> parseBracket(std::string_view text, std::size_t &pos)
{
    ++pos; // '['
    skipSpaces(text, pos);
    if (pos >= text.size())
        return unexpected(syntaxError(text, pos));
    char c = text[pos];
    if (c == '*') {
        ++pos;
        skipSpaces(text, pos);
        if (pos >= text.size() || text[pos] != ']')
            return unexpected(syntaxError(text, pos));
        ++pos;
        Component wildcard;
        wildcard.kind = Component::Kind::Wildcard;
        return wildcard;
    }
    if (c == '?') {
        ++pos;
        if (pos >= text.size() || text[pos] != '(')
            return unexpected(syntaxError(text, pos));
        ++pos;
        auto filter = parseFilter(text, pos);
        if (!filter)
            return unexpected(filter.error());
        skipSpaces(text, pos);
        if (pos >= text.size() || text[pos] != ']')
            return unexpected(syntaxError(text, pos));
        ++pos;
        Component component;
        component.kind = Component::Kind::Filter;
        component.filter = std::move(filter.value());
        return component;
    }
    if (c == '\'' || c == '"')
        return parseBracketNames(text, pos);
    return parseBracketNumbers(text, pos);
}

// After `.` or `..`: `*`, `name`, or the function `length()`.
Result<Component, PathSyntaxError> parseDotMember(std::string_view text, std::size_t &pos,
                                                  bool inFilter)
{
    Component c;
    if (pos < text.size() && text[pos] == '*') {
        ++pos;
        c.kind = Component::Kind::Wildcard;
        return c;
    }
    std::size_t start = pos;
    while (pos < text.size() && !endsDotName(text[pos], inFilter))
        ++pos;
    if (pos == start)
        return unexpected(syntaxError(text, pos));
    c.name = std::string(text.substr(start, pos - start));
    if (pos < text.size() && text[pos] == '(') {
        if (c.name != "length" || text.substr(pos, 2) != "()")
            return unexpected(PathSyntaxError{
                "Unknown function '" + c.name + "' at " + std::to_string(start), start});
        pos += 2;
        c.kind = Component::Kind::Length;
        c.name.clear();
    }
    return c;
}

} // namespace

Result<Components, PathSyntaxError> parseComponents(std::string_view text, std::size_t &pos,
                                                    bool inFilter)
{
    Components out;
    while (pos < text.size()) {
        char c = text[pos];
        bool deep = false;
        Result<Component, PathSyntaxError> component = Component{};
        if (c == '.' && pos + 1 < text.size() && text[pos + 1] == '.') {
            pos += 2;
            deep = true;
            component = (pos < text.size() && text[pos] == '[')
                            ? parseBracket(text, pos)
                            : parseDotMember(text, pos, inFilter);
        } else if (c == '.') {
            ++pos;
            component = parseDotMember(text, pos, inFilter);
        } else if (c == '[') {
            component = parseBracket(text, pos);
        } else if (inFilter) {
            break;
        } else {
            return unexpected(syntaxError(text, pos));
        }
        if (!component)
            return unexpected(component.error());
        if (!out.empty() && out.back().kind == Component::Kind::Length)
            return unexpected(PathSyntaxError{"length() must end the path", pos});
        component.value().deep = deep;
        out.push_back(std::move(component.value()));
    }
    return out;
}

} // namespace stepwise::jsonpath
