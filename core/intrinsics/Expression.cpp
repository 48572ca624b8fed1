// Parser for intrinsic calls `States.Name(arg, ...)` (ASL spec §5.1).
#include "core/intrinsics/Expression.h"

#include "core/common/DepthGuard.h"
#include "core/intrinsics/ExpressionNode.h"

#include <charconv>

namespace stepwise::intrinsics {
namespace {

bool isNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

class Parser
{
public:
    explicit Parser(std::string_view text) : m_text(text) {}

    Result<ExpressionNode, std::string> parseAll()
    {
        skipSpaces();
        auto call = parseCall();
        if (!call)
            return call;
        skipSpaces();
        if (m_pos != m_text.size())
            return unexpected(error("Unexpected text after the call"));
        return call;
    }

private:
    std::string error(const std::string &what) const
    {
        return what + " at position " + std::to_string(m_pos) + " in '" + std::string(m_text) + "'";
    }

    void skipSpaces()
    {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' ||
                                         m_text[m_pos] == '\n' || m_text[m_pos] == '\r'))
            ++m_pos;
    }

    Result<ExpressionNode, std::string> parseCall()
    {
        // Calls nest by recursion here and in the evaluator: a bound keeps hostile text from
        // exhausting the stack (found by fuzz_intrinsics).
        const DepthGuard nesting(m_depth);
        if (nesting.depth() > kMaxNesting)
            return unexpected(error("Intrinsic function calls nested more than "
                                    + std::to_string(kMaxNesting) + " deep"));
        std::size_t start = m_pos;
        if (m_text.substr(m_pos, 7) != "States.")
            return unexpected(error("Expected an intrinsic function 'States.<Name>('"));
        m_pos += 7;
        while (m_pos < m_text.size() && isNameChar(m_text[m_pos]))
            ++m_pos;
        std::string_view name = m_text.substr(start, m_pos - start);
        ExpressionNode call;
        call.kind = ExpressionNode::Kind::Call;
        call.function = findFunction(name);
        call.name = std::string(name);
        if (call.function == nullptr)
            return unexpected("Unknown intrinsic function '" + std::string(name) + "'");
        skipSpaces();
        if (m_pos >= m_text.size() || m_text[m_pos] != '(')
            return unexpected(error("Expected '(' after " + std::string(name)));
        ++m_pos;
        auto args = parseArguments();
        if (!args)
            return unexpected(args.error());
        call.args = std::move(args.value());
        std::size_t count = call.args.size();
        if (count < call.function->minArgs || count > call.function->maxArgs)
            return unexpected(arityError(*call.function, count));
        return call;
    }

    static std::string arityError(const FunctionSpec &spec, std::size_t count)
    {
        std::string expected = std::to_string(spec.minArgs);
        if (spec.maxArgs == kAnyCount)
            expected = "at least " + expected;
        else if (spec.maxArgs != spec.minArgs)
            expected += " to " + std::to_string(spec.maxArgs);
        return std::string(spec.name) + " expects " + expected + " argument(s) but got " +
               std::to_string(count);
    }

    Result<std::vector<ExpressionNode>, std::string> parseArguments()
    {
        std::vector<ExpressionNode> args;
        skipSpaces();
        if (m_pos < m_text.size() && m_text[m_pos] == ')') {
            ++m_pos;
            return args;
        }
        while (true) {
            skipSpaces();
            auto arg = parseArgument();
            if (!arg)
                return unexpected(arg.error());
            args.push_back(std::move(arg.value()));
            skipSpaces();
            if (m_pos >= m_text.size())
                return unexpected(error("Missing ')'"));
            char c = m_text[m_pos++];
            if (c == ')')
                return args;
            if (c != ',')
                return unexpected(error("Expected ',' or ')'"));
        }
    }

    Result<ExpressionNode, std::string> parseArgument()
    {
        if (m_pos >= m_text.size())
            return unexpected(error("Missing argument"));
        char c = m_text[m_pos];
        if (c == '\'')
            return parseString();
        if (c == '$')
            return parsePath();
        if (m_text.substr(m_pos, 7) == "States.")
            return parseCall();
        for (auto [word, value] : {std::pair<std::string_view, Json>{"true", Json(true)},
                                   {"false", Json(false)},
                                   {"null", Json(nullptr)}}) {
            if (m_text.substr(m_pos, word.size()) == word) {
                m_pos += word.size();
                ExpressionNode node;
                node.literal = std::move(value);
                return node;
            }
        }
        return parseNumber();
    }

    // §5.1: `\'` `\{` `\}` `\\` are the only escapes; any other backslash is an error.
    Result<ExpressionNode, std::string> parseString()
    {
        std::size_t start = ++m_pos;
        std::string value;
        while (m_pos < m_text.size() && m_text[m_pos] != '\'') {
            char c = m_text[m_pos];
            if (c == '\\') {
                char next = m_pos + 1 < m_text.size() ? m_text[m_pos + 1] : '\0';
                if (next != '\'' && next != '{' && next != '}' && next != '\\')
                    return unexpected(error("Invalid escape sequence"));
                c = next;
                ++m_pos;
            }
            value += c;
            ++m_pos;
        }
        if (m_pos >= m_text.size())
            return unexpected(error("Unterminated string literal"));
        ExpressionNode node;
        node.rawString = std::string(m_text.substr(start, m_pos - start));
        node.literal = Json(std::move(value));
        ++m_pos;
        return node;
    }

    Result<ExpressionNode, std::string> parseNumber()
    {
        std::size_t start = m_pos;
        if (m_pos < m_text.size() && m_text[m_pos] == '-')
            ++m_pos;
        while (m_pos < m_text.size() &&
               std::string_view("0123456789.eE+-").find(m_text[m_pos]) != std::string_view::npos)
            ++m_pos;
        std::string_view number = m_text.substr(start, m_pos - start);
        ExpressionNode node;
        std::int64_t integer = 0;
        const char *end = number.data() + number.size();
        auto [ip, iec] = std::from_chars(number.data(), end, integer);
        if (!number.empty() && iec == std::errc() && ip == end) {
            node.literal = Json(integer);
            return node;
        }
        double real = 0;
        auto [rp, rec] = std::from_chars(number.data(), end, real);
        if (number.empty() || rec != std::errc() || rp != end) {
            m_pos = start;
            return unexpected(error("Invalid argument"));
        }
        node.literal = Json(real);
        return node;
    }

    // A path runs to the next ',' or ')' outside brackets, parentheses and quotes.
    Result<ExpressionNode, std::string> parsePath()
    {
        std::size_t start = m_pos;
        int depth = 0;
        char quote = '\0';
        for (; m_pos < m_text.size(); ++m_pos) {
            char c = m_text[m_pos];
            if (quote != '\0') {
                if (c == '\\')
                    ++m_pos;
                else if (c == quote)
                    quote = '\0';
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                ++depth;
            } else if ((c == ']' || c == ')') && depth > 0) {
                --depth;
            } else if ((c == ',' || c == ')') && depth == 0) {
                break;
            }
        }
        std::string_view text = m_text.substr(start, m_pos - start);
        while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
            text.remove_suffix(1);
        auto path = jsonpath::Path::parse(text);
        if (!path)
            return unexpected("Invalid path '" + std::string(text) + "': " + path.error().message);
        ExpressionNode node;
        node.kind = ExpressionNode::Kind::Path;
        node.path = std::move(path.value());
        return node;
    }

    static constexpr int kMaxNesting = 100;
    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_depth = 0;
};

} // namespace

Expression::Expression() = default;
Expression::Expression(const Expression &) = default;
Expression::Expression(Expression &&) noexcept = default;
Expression &Expression::operator=(const Expression &) = default;
Expression &Expression::operator=(Expression &&) noexcept = default;
Expression::~Expression() = default;

Result<Expression, std::string> Expression::parse(std::string_view text)
{
    Parser parser(text);
    auto root = parser.parseAll();
    if (!root)
        return unexpected(root.error());
    Expression expression;
    expression.m_text = std::string(text);
    expression.m_root = std::make_shared<const ExpressionNode>(std::move(root.value()));
    return expression;
}

const std::string &Expression::text() const
{
    return m_text;
}

const std::string &Expression::functionName() const
{
    return m_root->name;
}

const ExpressionNode &Expression::root() const
{
    return *m_root;
}

bool looksLikeCall(std::string_view text)
{
    std::size_t pos = 0;
    while (pos < text.size() && text[pos] == ' ')
        ++pos;
    if (text.substr(pos, 7) != "States.")
        return false;
    pos += 7;
    std::size_t nameStart = pos;
    while (pos < text.size() && isNameChar(text[pos]))
        ++pos;
    if (pos == nameStart)
        return false;
    while (pos < text.size() && text[pos] == ' ')
        ++pos;
    return pos < text.size() && text[pos] == '(';
}

} // namespace stepwise::intrinsics
