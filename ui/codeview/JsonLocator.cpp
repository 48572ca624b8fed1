#include "ui/codeview/JsonLocator.h"

#include "core/asl/StatePath.h"

#include <cstdlib>

namespace stepwise::ui {
namespace {

// A forgiving recursive-descent walk over JSON (RFC 8259) that records spans instead of values.
class Scanner
{
public:
    Scanner(std::string_view text, std::vector<JsonSpan> &spans) : m_text(text), m_spans(spans) {}

    void run()
    {
        skipSpace();
        value(std::string(), m_pos);
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }

    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }

    // Records the span of the value at m_pos; returns false on a syntax error (scan stops).
    bool value(const std::string &pointer, std::size_t keyStart)
    {
        const std::size_t index = m_spans.size();
        m_spans.push_back(JsonSpan{pointer, keyStart, m_pos, m_pos});
        bool ok = false;
        switch (peek()) {
        case '{': ok = object(pointer); break;
        case '[': ok = array(pointer); break;
        case '"': ok = string(nullptr); break;
        default: ok = scalar(); break;
        }
        m_spans[index].end = m_pos;
        return ok;
    }

    bool object(const std::string &pointer)
    {
        ++m_pos; // '{'
        skipSpace();
        if (peek() == '}') {
            ++m_pos;
            return true;
        }
        while (true) {
            skipSpace();
            const std::size_t keyStart = m_pos;
            std::string key;
            if (peek() != '"' || !string(&key))
                return false;
            skipSpace();
            if (peek() != ':')
                return false;
            ++m_pos;
            skipSpace();
            if (!value(pointer + '/' + asl::escapePointerSegment(key), keyStart))
                return false;
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() != '}')
                return false;
            ++m_pos;
            return true;
        }
    }

    bool array(const std::string &pointer)
    {
        ++m_pos; // '['
        skipSpace();
        if (peek() == ']') {
            ++m_pos;
            return true;
        }
        for (std::size_t i = 0;; ++i) {
            skipSpace();
            if (!value(pointer + '/' + std::to_string(i), m_pos))
                return false;
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() != ']')
                return false;
            ++m_pos;
            return true;
        }
    }

    // A string literal; its unescaped content goes to `out` when given (keys only need the
    // escapes JSON Pointer segments can contain, so \uXXXX beyond ASCII is kept verbatim).
    bool string(std::string *out)
    {
        ++m_pos; // opening quote
        while (!atEnd()) {
            const char c = m_text[m_pos++];
            if (c == '"')
                return true;
            if (c == '\n')
                return false;
            if (c != '\\') {
                if (out)
                    out->push_back(c);
                continue;
            }
            if (atEnd())
                return false;
            const char e = m_text[m_pos++];
            if (!out)
                continue;
            switch (e) {
            case 'n': out->push_back('\n'); break;
            case 't': out->push_back('\t'); break;
            case 'r': out->push_back('\r'); break;
            case 'b': out->push_back('\b'); break;
            case 'f': out->push_back('\f'); break;
            case 'u': unicodeEscape(*out); break;
            default: out->push_back(e); break;
            }
        }
        return false;
    }

    void unicodeEscape(std::string &out)
    {
        if (m_pos + 4 > m_text.size())
            return;
        const std::string hex(m_text.substr(m_pos, 4));
        m_pos += 4;
        const unsigned long code = std::strtoul(hex.c_str(), nullptr, 16);
        if (code < 0x80) {
            out.push_back(static_cast<char>(code));
        } else if (code < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (code >> 6)));
            out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xE0 | (code >> 12)));
            out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
        }
    }

    // Numbers, true, false, null: whatever runs up to the next delimiter.
    bool scalar()
    {
        const std::size_t start = m_pos;
        while (!atEnd()) {
            const char c = peek();
            if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' ||
                c == '\r' || c == '"' || c == '{' || c == '[' || c == ':')
                break;
            ++m_pos;
        }
        return m_pos > start;
    }

    std::string_view m_text;
    std::vector<JsonSpan> &m_spans;
    std::size_t m_pos = 0;
};

} // namespace

JsonLocator::JsonLocator(std::string_view text)
{
    Scanner(text, m_spans).run();
    for (std::size_t i = 0; i < m_spans.size(); ++i)
        m_index.emplace(m_spans[i].pointer, i);
}

std::optional<JsonSpan> JsonLocator::find(const std::string &pointer) const
{
    const auto it = m_index.find(pointer);
    if (it == m_index.end())
        return std::nullopt;
    return m_spans[it->second];
}

std::optional<JsonSpan> JsonLocator::nearest(const std::string &pointer) const
{
    std::string candidate = pointer;
    while (true) {
        if (auto span = find(candidate))
            return span;
        const std::size_t slash = candidate.rfind('/');
        if (slash == std::string::npos)
            return std::nullopt;
        candidate.resize(slash);
    }
}

std::string JsonLocator::pointerAt(std::size_t offset) const
{
    // Pre-order means the last span containing the offset is the innermost one.
    std::string pointer;
    for (const JsonSpan &span : m_spans) {
        if (span.keyStart > offset)
            break;
        if (offset < span.end)
            pointer = span.pointer;
    }
    return pointer;
}

} // namespace stepwise::ui
