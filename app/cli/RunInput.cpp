// StartExecution's input check. AWS parses the input with Jackson and quotes Jackson's message
// (conformance cases api/invalid_start_execution_input__*), so the scanner below follows
// Jackson's grammar walk closely enough to name the same first problem in the same words.
#include "app/cli/RunSetup.h"

#include <cctype>

namespace stepwise::cli {
namespace {

constexpr const char *kValueExpected =
    "was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

class JacksonScanner
{
public:
    explicit JacksonScanner(const std::string &text) : m_text(text) {}

    std::optional<std::string> scanDocument()
    {
        skipSpace();
        if (atEnd())
            return std::string("Invalid execution input.");
        return scanValue();
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return m_text[m_pos]; }
    void skipSpace()
    {
        while (!atEnd() && std::isspace(static_cast<unsigned char>(peek())))
            ++m_pos;
    }

    std::string unexpected(const std::string &expecting) const
    {
        const auto code = static_cast<unsigned char>(peek());
        std::string shown = code < 32 ? "(CTRL-CHAR, code " + std::to_string(code) + ")"
                                      : "('" + std::string(1, peek()) + "' (code " +
                                            std::to_string(code) + "))";
        return "Unexpected character " + shown + ": " + expecting;
    }

    std::optional<std::string> scanValue()
    {
        skipSpace();
        if (atEnd())
            return std::string("Unexpected end-of-input: expected a value");
        const char c = peek();
        if (c == '{')
            return scanContainer('}', "Object");
        if (c == '[')
            return scanContainer(']', "Array");
        if (c == '"')
            return scanString();
        if (c == '-' || std::isdigit(static_cast<unsigned char>(c)))
            return scanNumber();
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '_')
            return scanToken();
        return unexpected("expected a valid value (JSON String, Number, Array, Object or token "
                          "'null', 'true' or 'false')");
    }

    std::optional<std::string> scanToken()
    {
        const std::size_t start = m_pos;
        while (!atEnd() && (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '_'))
            ++m_pos;
        const std::string token = m_text.substr(start, m_pos - start);
        if (token == "true" || token == "false" || token == "null")
            return std::nullopt;
        return "Unrecognized token '" + token + "': " + kValueExpected;
    }

    std::optional<std::string> scanString()
    {
        for (++m_pos; !atEnd(); ++m_pos) {
            if (peek() == '\\')
                ++m_pos;
            else if (peek() == '"') {
                ++m_pos;
                return std::nullopt;
            }
        }
        return std::string("Unexpected end-of-input in VALUE_STRING");
    }

    std::optional<std::string> scanNumber()
    {
        while (!atEnd() && (std::isdigit(static_cast<unsigned char>(peek())) ||
                            std::string_view("+-.eE").find(peek()) != std::string_view::npos))
            ++m_pos;
        return std::nullopt;
    }

    std::optional<std::string> scanMember(char close)
    {
        if (close == '}') {
            if (atEnd() || peek() != '"')
                return atEnd() ? endOfInput("Object")
                               : unexpected("was expecting double-quote to start field name");
            if (auto error = scanString())
                return error;
            skipSpace();
            if (atEnd() || peek() != ':')
                return atEnd() ? endOfInput("Object")
                               : unexpected("was expecting a colon to separate field name and value");
            ++m_pos;
        }
        return scanValue();
    }

    std::optional<std::string> scanContainer(char close, const std::string &kind)
    {
        ++m_pos;
        skipSpace();
        if (!atEnd() && peek() == close) {
            ++m_pos;
            return std::nullopt;
        }
        while (true) {
            skipSpace();
            if (auto error = scanMember(close))
                return error;
            skipSpace();
            if (atEnd())
                return endOfInput(kind);
            if (peek() == close) {
                ++m_pos;
                return std::nullopt;
            }
            if (peek() != ',')
                return unexpected("was expecting comma to separate " + kind + " entries");
            ++m_pos;
        }
    }

    static std::string endOfInput(const std::string &kind)
    {
        return "Unexpected end-of-input: expected close marker for " + kind;
    }

    const std::string &m_text;
    std::size_t m_pos = 0;
};

} // namespace

std::optional<std::string> executionInputError(const std::string &text)
{
    if (auto problem = JacksonScanner(text).scanDocument())
        return problem;
    if (Json::accept(text))
        return std::nullopt;
    return std::string("Invalid execution input.");
}

} // namespace stepwise::cli
