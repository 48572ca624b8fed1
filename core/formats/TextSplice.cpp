// Finding a value's bytes in JSON and YAML template text (see TextSplice.h).
#include "core/formats/TextSplice.h"

#include <yaml-cpp/yaml.h>

namespace stepwise::formats {
namespace {

class JsonScanner
{
public:
    explicit JsonScanner(std::string_view text) : m_text(text) {}

    std::optional<TextSpan> find(std::size_t at, const std::vector<std::string> &path, std::size_t depth) const
    {
        at = skipSpace(at);
        if (at >= m_text.size())
            return std::nullopt;
        if (depth == path.size()) {
            const auto end = valueEnd(at);
            return end ? std::optional<TextSpan>(TextSpan{at, *end}) : std::nullopt;
        }
        if (m_text[at] == '{')
            return findMember(at, path, depth);
        if (m_text[at] == '[')
            return findElement(at, path, depth);
        return std::nullopt;
    }

private:
    std::optional<TextSpan> findMember(std::size_t at, const std::vector<std::string> &path, std::size_t depth) const
    {
        std::size_t pos = skipSpace(at + 1);
        while (pos < m_text.size() && m_text[pos] == '"') {
            const auto keyEnd = stringEnd(pos);
            if (!keyEnd)
                return std::nullopt;
            const std::string key = unescape(m_text.substr(pos + 1, *keyEnd - pos - 2));
            pos = skipSpace(*keyEnd);
            if (pos >= m_text.size() || m_text[pos] != ':')
                return std::nullopt;
            const std::size_t valueStart = skipSpace(pos + 1);
            if (key == path[depth])
                return find(valueStart, path, depth + 1);
            const auto end = valueEnd(valueStart);
            if (!end)
                return std::nullopt;
            pos = skipSpace(*end);
            if (pos < m_text.size() && m_text[pos] == ',')
                pos = skipSpace(pos + 1);
        }
        return std::nullopt;
    }

    std::optional<TextSpan> findElement(std::size_t at, const std::vector<std::string> &path, std::size_t depth) const
    {
        std::size_t pos = skipSpace(at + 1);
        for (std::size_t index = 0; pos < m_text.size() && m_text[pos] != ']'; ++index) {
            if (std::to_string(index) == path[depth])
                return find(pos, path, depth + 1);
            const auto end = valueEnd(pos);
            if (!end)
                return std::nullopt;
            pos = skipSpace(*end);
            if (pos < m_text.size() && m_text[pos] == ',')
                pos = skipSpace(pos + 1);
        }
        return std::nullopt;
    }

    std::size_t skipSpace(std::size_t at) const
    {
        while (at < m_text.size() && (m_text[at] == ' ' || m_text[at] == '\t' || m_text[at] == '\r' || m_text[at] == '\n'))
            ++at;
        return at;
    }

    std::optional<std::size_t> stringEnd(std::size_t at) const
    {
        for (std::size_t i = at + 1; i < m_text.size(); ++i) {
            if (m_text[i] == '\\')
                ++i;
            else if (m_text[i] == '"')
                return i + 1;
        }
        return std::nullopt;
    }

    std::optional<std::size_t> valueEnd(std::size_t at) const
    {
        if (at >= m_text.size())
            return std::nullopt;
        if (m_text[at] == '"')
            return stringEnd(at);
        if (m_text[at] == '{' || m_text[at] == '[') {
            int depth = 0;
            for (std::size_t i = at; i < m_text.size(); ++i) {
                const char c = m_text[i];
                if (c == '"') {
                    const auto end = stringEnd(i);
                    if (!end)
                        return std::nullopt;
                    i = *end - 1;
                } else if (c == '{' || c == '[') {
                    ++depth;
                } else if ((c == '}' || c == ']') && --depth == 0) {
                    return i + 1;
                }
            }
            return std::nullopt;
        }
        std::size_t i = at;
        while (i < m_text.size() && std::string_view(",}] \t\r\n").find(m_text[i]) == std::string_view::npos)
            ++i;
        return i;
    }

    // Keys are compared decoded; the common escapes are enough for template keys.
    static std::string unescape(std::string_view raw)
    {
        std::string out;
        for (std::size_t i = 0; i < raw.size(); ++i) {
            if (raw[i] == '\\' && i + 1 < raw.size()) {
                const char c = raw[++i];
                out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
            } else {
                out += raw[i];
            }
        }
        return out;
    }

    std::string_view m_text;
};

std::size_t lineStart(std::string_view text, std::size_t offset)
{
    const std::size_t newline = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    return offset == 0 || newline == std::string_view::npos ? 0 : newline + 1;
}

// Byte offset of (line, column), both 0-based as yaml-cpp marks are.
std::size_t offsetOf(std::string_view text, int line, int column)
{
    std::size_t offset = 0;
    for (int l = 0; l < line && offset < text.size(); ++l) {
        const std::size_t newline = text.find('\n', offset);
        offset = newline == std::string_view::npos ? text.size() : newline + 1;
    }
    return std::min(text.size(), offset + static_cast<std::size_t>(column));
}

} // namespace

std::optional<TextSpan> findJsonValue(std::string_view text, const std::vector<std::string> &path)
{
    return JsonScanner(text).find(0, path, 0);
}

std::string lineIndent(std::string_view text, std::size_t offset)
{
    std::size_t at = lineStart(text, offset);
    std::string indent;
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t'))
        indent += text[at++];
    return indent;
}

int indentStep(std::string_view text)
{
    std::size_t at = 0;
    while ((at = text.find('\n', at)) != std::string_view::npos) {
        ++at;
        int spaces = 0;
        while (at + spaces < text.size() && text[at + spaces] == ' ')
            ++spaces;
        if (spaces > 0 && at + spaces < text.size() && text[at + spaces] != '\n')
            return spaces >= 4 ? 4 : 2;
    }
    return 2;
}

std::optional<YamlEntry> findYamlEntry(std::string_view text, const std::vector<std::string> &path)
{
    YAML::Node node;
    try {
        node = YAML::Load(std::string(text));
    } catch (const YAML::Exception &) {
        return std::nullopt;
    }
    YAML::Mark keyMark;
    for (const std::string &key : path) {
        if (!node.IsMap())
            return std::nullopt;
        bool found = false;
        for (const auto &member : node) {
            if (member.first.IsScalar() && member.first.Scalar() == key) {
                keyMark = member.first.Mark();
                node = member.second;
                found = true;
                break;
            }
        }
        if (!found)
            return std::nullopt;
    }
    // The key "Name:" itself: the value starts after its colon.
    const std::size_t keyOffset = offsetOf(text, keyMark.line, keyMark.column);
    const std::size_t colon = text.find(':', keyOffset);
    if (colon == std::string_view::npos)
        return std::nullopt;
    // The value ends before the first later line that is not blank and not indented past the key.
    std::size_t end = text.find('\n', colon);
    end = end == std::string_view::npos ? text.size() : end;
    std::size_t scan = end;
    while (scan < text.size()) {
        const std::size_t next = scan + 1;
        std::size_t firstChar = next;
        while (firstChar < text.size() && text[firstChar] == ' ')
            ++firstChar;
        const std::size_t lineEnd = std::min(text.size(), text.find('\n', next));
        const bool blank = firstChar >= lineEnd;
        if (!blank && static_cast<int>(firstChar - next) <= keyMark.column)
            break;
        if (!blank)
            end = lineEnd;
        scan = lineEnd;
    }
    return YamlEntry{{colon + 1, end}, keyMark.column};
}

std::string indentLines(const std::string &block, const std::string &indent, bool indentFirst)
{
    std::string out = indentFirst && !block.empty() ? indent : "";
    for (std::size_t i = 0; i < block.size(); ++i) {
        out += block[i];
        if (block[i] == '\n' && i + 1 < block.size() && block[i + 1] != '\n')
            out += indent;
    }
    return out;
}

} // namespace stepwise::formats
