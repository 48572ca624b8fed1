// Parser for Jayway filter expressions `[?(...)]` (ASL spec §2.3): comparisons
// `== != < <= > >=`, `&&`, `||`, `!`, parentheses and existence tests.
#include "core/common/DepthGuard.h"
#include "core/jsonpath/PathProgram.h"

#include <charconv>

namespace stepwise::jsonpath {
namespace {

using ExprResult = Result<FilterExpr, PathSyntaxError>;

// Nesting of parentheses, negations and filters inside filters (all recurse through
// parseUnary, across nested parsers too): bounded so hostile text cannot exhaust the stack
// (found by fuzz_jsonpath).
constexpr int kMaxFilterNesting = 256;
thread_local int t_filterNesting = 0;

class FilterParser
{
public:
    FilterParser(std::string_view text, std::size_t &pos) : m_text(text), m_pos(pos) {}

    ExprResult parseOr() { return parseChain("||", FilterExpr::Op::Or, &FilterParser::parseAnd); }

    PathSyntaxError error() const
    {
        if (m_pos >= m_text.size())
            return {"Unexpected end of filter at " + std::to_string(m_pos), m_pos};
        return {"Unexpected character '" + std::string(1, m_text[m_pos]) + "' at " +
                    std::to_string(m_pos),
                m_pos};
    }

    bool eat(std::string_view token)
    {
        skip();
        if (m_text.substr(m_pos, token.size()) != token)
            return false;
        m_pos += token.size();
        return true;
    }

private:
    void skip()
    {
        while (m_pos < m_text.size() && m_text[m_pos] == ' ')
            ++m_pos;
    }

    ExprResult parseChain(std::string_view token, FilterExpr::Op op,
                          ExprResult (FilterParser::*next)())
    {
        auto first = (this->*next)();
        if (!first)
            return first;
        if (!eat(token))
            return first;
        FilterExpr chain;
        chain.op = op;
        chain.children.push_back(std::move(first.value()));
        do {
            auto more = (this->*next)();
            if (!more)
                return more;
            chain.children.push_back(std::move(more.value()));
        } while (eat(token));
        return chain;
    }

    ExprResult parseAnd()
    {
        return parseChain("&&", FilterExpr::Op::And, &FilterParser::parseUnary);
    }

    ExprResult parseUnary()
    {
        const DepthGuard nesting(t_filterNesting);
        if (nesting.depth() > kMaxFilterNesting)
            return unexpected(PathSyntaxError{"Filter nested more than "
                                                  + std::to_string(kMaxFilterNesting)
                                                  + " levels deep at " + std::to_string(m_pos),
                                              m_pos});
        skip();
        if (m_text.substr(m_pos, 2) != "!=" && eat("!")) {
            auto inner = parseUnary();
            if (!inner)
                return inner;
            FilterExpr negation;
            negation.op = FilterExpr::Op::Not;
            negation.children.push_back(std::move(inner.value()));
            return negation;
        }
        if (eat("(")) {
            auto inner = parseOr();
            if (!inner)
                return inner;
            if (!eat(")"))
                return unexpected(error());
            return inner;
        }
        return parseComparison();
    }

    ExprResult parseComparison()
    {
        auto lhs = parseOperand();
        if (!lhs)
            return unexpected(lhs.error());
        FilterExpr expr;
        expr.lhs = std::move(lhs.value());
        static constexpr std::pair<std::string_view, FilterExpr::Op> ops[] = {
            {"==", FilterExpr::Op::Eq}, {"!=", FilterExpr::Op::Ne}, {"<=", FilterExpr::Op::Le},
            {">=", FilterExpr::Op::Ge}, {"<", FilterExpr::Op::Lt},  {">", FilterExpr::Op::Gt}};
        for (const auto &[token, op] : ops) {
            if (eat(token)) {
                auto rhs = parseOperand();
                if (!rhs)
                    return unexpected(rhs.error());
                expr.op = op;
                expr.rhs = std::move(rhs.value());
                return expr;
            }
        }
        if (expr.lhs.kind == FilterOperand::Kind::Literal)
            return unexpected(error());
        expr.op = FilterExpr::Op::Exists;
        return expr;
    }

    Result<FilterOperand, PathSyntaxError> parseOperand()
    {
        skip();
        if (m_pos >= m_text.size())
            return unexpected(error());
        char c = m_text[m_pos];
        FilterOperand operand;
        if (c == '@' || c == '$') {
            operand.kind = c == '@' ? FilterOperand::Kind::Current : FilterOperand::Kind::Root;
            ++m_pos;
            auto path = parseComponents(m_text, m_pos, true);
            if (!path)
                return unexpected(path.error());
            operand.path = std::move(path.value());
            return operand;
        }
        if (c == '\'' || c == '"')
            return parseString(operand);
        for (auto [word, value] : {std::pair<std::string_view, Json>{"true", Json(true)},
                                   {"false", Json(false)},
                                   {"null", Json(nullptr)}}) {
            if (eat(word)) {
                operand.literal = value;
                return operand;
            }
        }
        return parseNumber(operand);
    }

    Result<FilterOperand, PathSyntaxError> parseString(FilterOperand &operand)
    {
        char quote = m_text[m_pos++];
        std::string value;
        while (m_pos < m_text.size() && m_text[m_pos] != quote) {
            if (m_text[m_pos] == '\\' && m_pos + 1 < m_text.size())
                ++m_pos;
            value += m_text[m_pos++];
        }
        if (m_pos >= m_text.size())
            return unexpected(error());
        ++m_pos;
        operand.literal = Json(std::move(value));
        return operand;
    }

    Result<FilterOperand, PathSyntaxError> parseNumber(FilterOperand &operand)
    {
        std::size_t start = m_pos;
        while (m_pos < m_text.size() &&
               std::string_view("+-0123456789.eE").find(m_text[m_pos]) != std::string_view::npos)
            ++m_pos;
        std::string_view number = m_text.substr(start, m_pos - start);
        std::int64_t integer = 0;
        auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), integer);
        if (!number.empty() && ec == std::errc() && end == number.data() + number.size()) {
            operand.literal = Json(integer);
            return operand;
        }
        double real = 0;
        auto [rend, rec] = std::from_chars(number.data(), number.data() + number.size(), real);
        if (number.empty() || rec != std::errc() || rend != number.data() + number.size()) {
            m_pos = start;
            return unexpected(error());
        }
        operand.literal = Json(real);
        return operand;
    }

    std::string_view m_text;
    std::size_t &m_pos;
};

} // namespace

Result<std::shared_ptr<const FilterExpr>, PathSyntaxError> parseFilter(std::string_view text,
                                                                       std::size_t &pos)
{
    FilterParser parser(text, pos);
    auto expr = parser.parseOr();
    if (!expr)
        return unexpected(expr.error());
    if (!parser.eat(")"))
        return unexpected(parser.error());
    return std::shared_ptr<const FilterExpr>(std::make_shared<FilterExpr>(std::move(*expr)));
}

} // namespace stepwise::jsonpath
