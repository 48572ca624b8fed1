// JSONata tokeniser (docs "Expression syntax": literals, names, backtick names, regexes).
#include "core/jsonata/Lexer.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace stepwise::jsonata {

namespace {
[[noreturn]] void fail(const char *code, std::string message, std::size_t position,
                       std::string token = {})
{
    throw EvalError{code, std::move(message), position, std::move(token), std::nullopt};
}

bool isOperatorChar(char c)
{
    return std::strchr("[]{}().,@#;:?+-*/%|=<>^&!~", c) != nullptr && c != '\0';
}
} // namespace

void appendUtf8(std::string &out, unsigned cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

void Lexer::skipSpaceAndComments()
{
    while (m_pos < m_text.size()) {
        char c = m_text[m_pos];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v') {
            ++m_pos;
        } else if (c == '/' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '*') {
            auto end = m_text.find("*/", m_pos + 2);
            if (end == std::string_view::npos)
                fail("S0106", "Comment has no closing tag", m_pos);
            m_pos = end + 2;
        } else {
            return;
        }
    }
}

Token Lexer::next(bool prefixContext)
{
    skipSpaceAndComments();
    Token t;
    if (m_pos >= m_text.size()) {
        t.position = m_pos;
        return t;
    }
    char c = m_text[m_pos];
    if (c == '/' && prefixContext)
        return scanRegex();
    static const char *twoChar[] = {"..", ":=", "!=", ">=", "<=", "**", "~>", "??", "?:"};
    for (const char *op : twoChar) {
        if (m_text.substr(m_pos, 2) == op) {
            m_pos += 2;
            t.type = TokenType::Operator;
            t.value = op;
            t.position = m_pos;
            return t;
        }
    }
    if (c == '!' && m_text.substr(m_pos, 2) != "!=")
        fail("S0204", "Unknown operator: \"!\"", m_pos + 1, "!");
    if (isOperatorChar(c)) {
        ++m_pos;
        t.type = TokenType::Operator;
        t.value = std::string(1, c);
        t.position = m_pos;
        return t;
    }
    if (c == '"' || c == '\'')
        return scanString(c);
    if (c >= '0' && c <= '9')
        return scanNumber();
    if (c == '`') {
        auto end = m_text.find('`', m_pos + 1);
        if (end == std::string_view::npos)
            fail("S0105", "Quoted property name must be terminated with a backquote (`)", m_pos);
        t.type = TokenType::Name;
        t.value = std::string(m_text.substr(m_pos + 1, end - m_pos - 1));
        m_pos = end + 1;
        t.position = m_pos;
        return t;
    }
    return scanName();
}

Token Lexer::scanString(char quote)
{
    Token t;
    t.type = TokenType::String;
    std::size_t start = m_pos++;
    while (m_pos < m_text.size()) {
        char c = m_text[m_pos];
        if (c == quote) {
            ++m_pos;
            t.position = m_pos;
            return t;
        }
        if (c != '\\') {
            t.value += c;
            ++m_pos;
            continue;
        }
        if (++m_pos >= m_text.size())
            break;
        char e = m_text[m_pos];
        const char *simple = std::strchr("\"\\/bfnrt", e);
        if (simple && e != '\0') {
            static const char repl[] = "\"\\/\b\f\n\r\t";
            t.value += repl[simple - "\"\\/bfnrt"];
            ++m_pos;
        } else if (e == 'u') {
            bool hex4 = m_pos + 4 < m_text.size();
            for (std::size_t k = 1; hex4 && k <= 4; ++k)
                hex4 = std::isxdigit(static_cast<unsigned char>(m_text[m_pos + k])) != 0;
            if (!hex4)
                fail("S0104", "The escape sequence \\u must be followed by 4 hex digits", m_pos);
            unsigned cp = static_cast<unsigned>(
                std::strtoul(std::string(m_text.substr(m_pos + 1, 4)).c_str(), nullptr, 16));
            m_pos += 5;
            if (cp >= 0xD800 && cp < 0xDC00 && m_text.substr(m_pos, 2) == "\\u") {
                unsigned lo = static_cast<unsigned>(std::strtoul(
                    std::string(m_text.substr(m_pos + 2, 4)).c_str(), nullptr, 16));
                if (lo >= 0xDC00 && lo < 0xE000) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    m_pos += 6;
                }
            }
            appendUtf8(t.value, cp);
        } else {
            fail("S0103", "Unsupported escape sequence: \\" + std::string(1, e), m_pos,
                 std::string(1, e));
        }
    }
    fail("S0101", "String literal must be terminated by a matching quote", start);
}

Token Lexer::scanRegex()
{
    Token t;
    t.type = TokenType::Regex;
    std::size_t start = ++m_pos;
    int depth = 0;
    while (m_pos < m_text.size()) {
        char c = m_text[m_pos];
        if (c == '\\') {
            m_pos += 2;
            continue;
        }
        if (c == '[')
            depth = 1;
        else if (c == ']')
            depth = 0;
        else if (c == '/' && depth == 0)
            break;
        ++m_pos;
    }
    if (m_pos >= m_text.size())
        fail("S0302", "No terminating / in regular expression", m_pos);
    t.value = std::string(m_text.substr(start, m_pos - start));
    if (t.value.empty())
        fail("S0301", "Empty regular expressions are not allowed", m_pos);
    ++m_pos;
    while (m_pos < m_text.size() && (m_text[m_pos] == 'i' || m_text[m_pos] == 'm'))
        t.flags += m_text[m_pos++];
    t.position = m_pos;
    return t;
}

Token Lexer::scanNumber()
{
    Token t;
    t.type = TokenType::Number;
    std::size_t start = m_pos;
    auto digits = [&] {
        while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
            ++m_pos;
    };
    if (m_text[m_pos] == '0')
        ++m_pos;
    else
        digits();
    if (m_pos + 1 < m_text.size() && m_text[m_pos] == '.' && m_text[m_pos + 1] >= '0' &&
        m_text[m_pos + 1] <= '9') {
        ++m_pos;
        digits();
    }
    if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
        std::size_t save = m_pos++;
        if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-'))
            ++m_pos;
        if (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
            digits();
        else
            m_pos = save;
    }
    std::string text(m_text.substr(start, m_pos - start));
    t.number = std::strtod(text.c_str(), nullptr);
    if (!std::isfinite(t.number))
        fail("S0102", "Number out of range: " + text, m_pos, text);
    t.value = text;
    t.position = m_pos;
    return t;
}

Token Lexer::scanName()
{
    Token t;
    std::size_t start = m_pos;
    bool variable = m_text[m_pos] == '$';
    if (variable)
        ++m_pos;
    while (m_pos < m_text.size()) {
        char c = m_text[m_pos];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '"' ||
            c == '\'' || c == '`')
            break;
        if (isOperatorChar(c) && !(variable && m_pos == start + 1 && c == '$'))
            break;
        if (c == '$' && !(variable && m_pos == start + 1))
            break;
        ++m_pos;
    }
    std::string name(m_text.substr(start, m_pos - start));
    t.position = m_pos;
    if (variable) {
        t.type = TokenType::Variable;
        t.value = name.substr(1);
    } else if (name == "and" || name == "or" || name == "in") {
        t.type = TokenType::Operator;
        t.value = name;
    } else if (name == "true" || name == "false" || name == "null") {
        t.type = TokenType::Value;
        t.value = name;
    } else {
        t.type = TokenType::Name;
        t.value = name;
    }
    return t;
}

} // namespace stepwise::jsonata
