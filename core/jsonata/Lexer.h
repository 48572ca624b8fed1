#pragma once
// Tokeniser for JSONata expressions (JSONata docs "Expression syntax"). Throws EvalError with
// the reference implementation's S01xx codes on malformed input.
#include "core/jsonata/Value.h"

#include <string>
#include <string_view>

namespace stepwise::jsonata {

enum class TokenType { Operator, Name, String, Number, Variable, Regex, Value, End };

struct Token
{
    TokenType type = TokenType::End;
    std::string value;
    std::string flags;
    double number = 0.0;
    std::size_t position = 0;
};

class Lexer
{
public:
    explicit Lexer(std::string_view text) : m_text(text) {}
    // prefixContext: a '/' here starts a regex literal rather than a division.
    Token next(bool prefixContext);

private:
    Token scanString(char quote);
    Token scanRegex();
    Token scanNumber();
    Token scanName();
    void skipSpaceAndComments();

    std::string_view m_text;
    std::size_t m_pos = 0;
};

void appendUtf8(std::string &out, unsigned codePoint);

} // namespace stepwise::jsonata
