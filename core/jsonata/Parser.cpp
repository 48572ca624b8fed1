// Top-down operator precedence parser; binding powers follow the JSONata operator table.
#include "core/jsonata/Parser.h"

#include "core/jsonata/Callable.h"
#include "core/jsonata/Signature.h"

#include <unordered_map>

namespace stepwise::jsonata {

namespace {

int bindingPower(const Token &t)
{
    static const std::unordered_map<std::string, int> table = {
        {".", 75}, {"[", 80}, {"{", 70}, {"(", 80}, {"@", 80}, {"#", 80}, {"?", 20},
        {"+", 50}, {"-", 50}, {"*", 60}, {"/", 60}, {"%", 60}, {"=", 40}, {"<", 40},
        {">", 40}, {"^", 40}, {"**", 60}, {"..", 20}, {":=", 10}, {"!=", 40}, {"<=", 40},
        {">=", 40}, {"~>", 40}, {"and", 30}, {"or", 25}, {"in", 40}, {"&", 50},
        {"??", 40}, {"?:", 40}};
    if (t.type != TokenType::Operator)
        return 0;
    auto it = table.find(t.value);
    return it == table.end() ? 0 : it->second;
}

[[noreturn]] void fail(const char *code, std::string message, std::size_t position,
                       std::string token = {})
{
    throw EvalError{code, std::move(message), position, std::move(token), std::nullopt};
}

NodePtr makeNode(NodeKind kind, const Token &t)
{
    auto n = std::make_shared<Node>();
    n->kind = kind;
    n->value = t.value;
    n->position = t.position;
    return n;
}

class PrattParser
{
public:
    explicit PrattParser(std::string_view text) : m_lexer(text) { m_tok = m_lexer.next(true); }

    NodePtr parseAll()
    {
        NodePtr root = expression(0);
        if (m_tok.type != TokenType::End)
            fail("S0201", "Syntax error: \"" + m_tok.value + "\"", m_tok.position, m_tok.value);
        return root;
    }

private:
    bool isOp(const char *op) const
    {
        return m_tok.type == TokenType::Operator && m_tok.value == op;
    }

    void advance()
    {
        bool valueLike = m_tok.type == TokenType::Name || m_tok.type == TokenType::String ||
                         m_tok.type == TokenType::Number || m_tok.type == TokenType::Variable ||
                         m_tok.type == TokenType::Value || m_tok.type == TokenType::Regex ||
                         (m_tok.type == TokenType::Operator &&
                          (m_tok.value == ")" || m_tok.value == "]" || m_tok.value == "}"));
        m_tok = m_lexer.next(!valueLike);
    }

    void expect(const char *op)
    {
        if (!isOp(op)) {
            if (m_tok.type == TokenType::End)
                fail("S0203", std::string("Expected \"") + op + "\" before end of expression",
                     m_tok.position, op);
            fail("S0202", std::string("Expected \"") + op + "\", got \"" + m_tok.value + "\"",
                 m_tok.position, m_tok.value);
        }
        advance();
    }

    // m_depth bounds the depth of the tree being built (nested operands plus the left-leaning
    // chains of "a+b+c..."), so no recursive pass over it, nor parsing itself, can exhaust the
    // stack on hostile input.
    NodePtr expression(int rbp)
    {
        struct Nesting
        {
            std::size_t &depth;
            std::size_t added = 1;
            ~Nesting() { depth -= added; }
        } nesting{++m_depth};
        checkNesting();
        Token t = m_tok;
        advance();
        NodePtr left = nud(t);
        while (rbp < bindingPower(m_tok)) {
            ++m_depth;
            ++nesting.added;
            checkNesting();
            t = m_tok;
            advance();
            left = led(t, left);
        }
        return left;
    }

    void checkNesting() const
    {
        if (m_depth > kMaxNesting)
            fail("U1001", "The expression is nested too deeply (more than "
                              + std::to_string(kMaxNesting) + " levels)",
                 m_tok.position, m_tok.value);
    }

    NodePtr nud(const Token &t);
    NodePtr nudOperator(const Token &t);
    NodePtr led(const Token &t, NodePtr left);
    NodePtr lambda(const Token &t);
    void parsePairs(std::vector<std::pair<NodePtr, NodePtr>> &pairs);

    static constexpr std::size_t kMaxNesting = 1000;
    Lexer m_lexer;
    Token m_tok;
    std::size_t m_depth = 0;
};

NodePtr PrattParser::nud(const Token &t)
{
    NodePtr n;
    switch (t.type) {
    case TokenType::End: fail("S0207", "Unexpected end of expression", t.position);
    case TokenType::Number:
        n = makeNode(NodeKind::Number, t);
        n->number = t.number;
        return n;
    case TokenType::String:
        n = makeNode(NodeKind::String, t);
        n->literal = Value::str(n->value); // made once: evaluations share the string
        return n;
    case TokenType::Value:
        n = makeNode(NodeKind::Literal, t);
        n->literal = t.value == "null" ? Value::null() : Value::boolValue(t.value == "true");
        return n;
    case TokenType::Regex:
        n = makeNode(NodeKind::Regex, t);
        n->flags = t.flags;
        // Compiled once here; an invalid pattern stays uncompiled and fails when evaluated.
        if (std::optional<Value> regex = makeRegexValue(n->value, n->flags))
            n->literal = *regex;
        return n;
    case TokenType::Variable: return makeNode(NodeKind::Variable, t);
    case TokenType::Name:
        if ((t.value == "function" || t.value == "\xCE\xBB") && isOp("("))
            return lambda(t);
        return makeNode(NodeKind::Name, t);
    case TokenType::Operator: return nudOperator(t);
    }
    return n;
}

NodePtr PrattParser::nudOperator(const Token &t)
{
    const std::string &op = t.value;
    if (op == "-") {
        auto n = makeNode(NodeKind::Negate, t);
        n->lhs = expression(70);
        return n;
    }
    if (op == "*")
        return makeNode(NodeKind::Wildcard, t);
    if (op == "**")
        return makeNode(NodeKind::Descendant, t);
    if (op == "%")
        return makeNode(NodeKind::Parent, t);
    if (op == "?")
        return makeNode(NodeKind::PartialArgument, t);
    if (op == "and" || op == "or" || op == "in")
        return makeNode(NodeKind::Name, t);
    if (op == "(") {
        auto n = makeNode(NodeKind::Block, t);
        while (!isOp(")")) {
            n->children.push_back(expression(0));
            if (!isOp(";"))
                break;
            advance();
        }
        expect(")");
        return n;
    }
    if (op == "[") {
        auto n = makeNode(NodeKind::ArrayCons, t);
        if (!isOp("]")) {
            while (true) {
                n->children.push_back(expression(0));
                if (!isOp(","))
                    break;
                advance();
            }
        }
        expect("]");
        return n;
    }
    if (op == "{") {
        auto n = makeNode(NodeKind::ObjectCons, t);
        parsePairs(n->pairs);
        return n;
    }
    if (op == "|") {
        auto n = makeNode(NodeKind::Transform, t);
        n->lhs = expression(0);
        expect("|");
        n->rhs = expression(0);
        if (isOp(",")) {
            advance();
            n->third = expression(0);
        }
        expect("|");
        return n;
    }
    fail("S0211", "The symbol " + op + " cannot be used as a unary operator", t.position, op);
}

void PrattParser::parsePairs(std::vector<std::pair<NodePtr, NodePtr>> &pairs)
{
    if (!isOp("}")) {
        while (true) {
            NodePtr key = expression(0);
            expect(":");
            NodePtr val = expression(0);
            pairs.emplace_back(key, val);
            if (!isOp(","))
                break;
            advance();
        }
    }
    expect("}");
}

NodePtr PrattParser::lambda(const Token &t)
{
    auto n = makeNode(NodeKind::Lambda, t);
    advance(); // (
    while (!isOp(")")) {
        if (m_tok.type != TokenType::Variable)
            fail("S0208", "Parameter " + m_tok.value + " of function definition must be a variable name (start with $)",
                 m_tok.position, m_tok.value);
        n->params.push_back(m_tok.value);
        advance();
        if (!isOp(","))
            break;
        advance();
    }
    expect(")");
    if (isOp("<")) {
        std::string sig = "<";
        int depth = 1;
        std::size_t pos = m_tok.position;
        advance();
        while (depth > 0 && m_tok.type != TokenType::End) {
            if (isOp("<"))
                ++depth;
            else if (isOp(">"))
                --depth;
            sig += m_tok.value;
            advance();
        }
        n->signature = std::make_shared<Signature>(parseSignature(sig, pos));
    }
    expect("{");
    n->lhs = expression(0);
    expect("}");
    return n;
}

NodePtr PrattParser::led(const Token &t, NodePtr left)
{
    const std::string &op = t.value;
    auto n = makeNode(NodeKind::Binary, t);
    n->lhs = left;
    if (op == "(") {
        n->kind = NodeKind::Call;
        while (!isOp(")")) {
            NodePtr arg = expression(0);
            if (arg->kind == NodeKind::PartialArgument)
                n->kind = NodeKind::Partial;
            n->children.push_back(arg);
            if (!isOp(","))
                break;
            advance();
        }
        expect(")");
    } else if (op == "[") {
        if (isOp("]")) {
            advance();
            Node *step = left.get();
            while (step->kind == NodeKind::Binary && step->value == "[")
                step = step->lhs.get();
            step->keepArray = true;
            return left;
        }
        n->rhs = expression(0);
        expect("]");
    } else if (op == "{") {
        parsePairs(n->pairs);
    } else if (op == "^") {
        n->kind = NodeKind::Sort;
        expect("(");
        while (true) {
            SortTerm term;
            if (isOp("<")) {
                advance();
            } else if (isOp(">")) {
                term.descending = true;
                advance();
            }
            term.expr = expression(0);
            n->sortTerms.push_back(term);
            if (!isOp(","))
                break;
            advance();
        }
        expect(")");
    } else if (op == "?") {
        n->kind = NodeKind::Condition;
        n->rhs = expression(0);
        if (isOp(":")) {
            advance();
            n->third = expression(0);
        }
    } else if (op == ":=") {
        n->kind = NodeKind::Bind;
        n->rhs = expression(bindingPower(t) - 1);
    } else {
        if (op == "~>")
            n->kind = NodeKind::Apply;
        else if (op == "??")
            n->kind = NodeKind::Coalesce;
        else if (op == "?:")
            n->kind = NodeKind::Default;
        n->rhs = expression(bindingPower(t));
        if ((op == "@" || op == "#") && n->rhs->kind != NodeKind::Variable)
            fail("S0214", "The right side of " + op + " must be a variable name (start with $)",
                 n->rhs->position, op);
    }
    return n;
}

} // namespace

NodePtr parseExpression(std::string_view text)
{
    PrattParser parser(text);
    return restructure(parser.parseAll());
}

} // namespace stepwise::jsonata
