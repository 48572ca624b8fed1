// String functions (JSONata docs "String functions"): lengths and offsets count characters.
#include "core/jsonata/Functions.h"

#include "core/jsonata/Jsonata.h"
#include "core/jsonata/Parser.h"

#include <cctype>
#include <cmath>

namespace stepwise::jsonata {

namespace {

Value fnString(Evaluator &, Args &a, const Value &)
{
    if (a.empty() || a[0].isUndefined())
        return Value();
    bool pretty = a.size() > 1 && a[1].type == Type::Boolean && a[1].boolean;
    if (a[0].isString())
        return a[0];
    if (a[0].isFunction())
        return Value::str("");
    if (a[0].isNumber() && !std::isfinite(a[0].number))
        throwError("D3001", "Attempting to invoke string function on Infinity or NaN");
    return Value::str(stringify(a[0], pretty));
}

Value fnSubstring(Evaluator &, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    std::u32string s = toU32(a[0].string());
    auto len = static_cast<double>(s.size());
    double start = a[1].number;
    if (start < 0)
        start = std::max(0.0, len + start);
    start = std::min(std::floor(start), len);
    double count = len - start;
    if (a.size() > 2 && !a[2].isUndefined())
        count = std::min(count, std::floor(a[2].number));
    if (count <= 0)
        return Value::str("");
    return Value::str(fromU32(s.substr(static_cast<std::size_t>(start),
                                       static_cast<std::size_t>(count))));
}

Value fnSubstringBefore(Evaluator &, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    if (a.size() < 2 || a[1].isUndefined())
        return a[0];
    auto pos = a[0].string().find(a[1].string());
    return pos == std::string::npos ? a[0] : Value::str(a[0].string().substr(0, pos));
}

Value fnSubstringAfter(Evaluator &, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    if (a.size() < 2 || a[1].isUndefined())
        return a[0];
    auto pos = a[0].string().find(a[1].string());
    return pos == std::string::npos ? a[0]
                                    : Value::str(a[0].string().substr(pos + a[1].string().size()));
}

Value caseMap(Args &a, bool upper)
{
    if (a[0].isUndefined())
        return Value();
    std::string s = a[0].string();
    for (auto &c : s)
        c = static_cast<char>(upper ? std::toupper(static_cast<unsigned char>(c))
                                    : std::tolower(static_cast<unsigned char>(c)));
    return Value::str(s);
}

Value fnTrim(Evaluator &, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    std::string out;
    bool space = false;
    for (char c : a[0].string()) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty())
            out += ' ';
        space = false;
        out += c;
    }
    return Value::str(out);
}

Value fnPad(Evaluator &, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    std::u32string s = toU32(a[0].string());
    std::u32string ch = a.size() > 2 && !a[2].isUndefined() ? toU32(a[2].string()) : U" ";
    if (ch.empty())
        ch = U" ";
    double width = std::trunc(a[1].number);
    auto target = static_cast<std::size_t>(std::fabs(width));
    if (s.size() >= target)
        return a[0];
    std::u32string padding;
    for (std::size_t i = 0; padding.size() < target - s.size(); ++i)
        padding += ch[i % ch.size()];
    return Value::str(fromU32(width < 0 ? padding + s : s + padding));
}

Value fnJoin(Evaluator &, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    std::string sep = a.size() > 1 && !a[1].isUndefined() ? a[1].string() : "";
    std::string out;
    for (std::size_t i = 0; i < a[0].size(); ++i)
        out += (i ? sep : "") + a[0].at(i).string();
    return Value::str(out);
}

Value fnEval(Evaluator &ev, Args &a, const Value &context)
{
    if (a[0].isUndefined())
        return Value();
    NodePtr ast;
    try {
        ast = parseExpression(a[0].string());
    } catch (const EvalError &e) {
        throwError("D3120", "Syntax error in expression passed to function eval: " + e.message);
    }
    ev.keepAlive(ast);
    Value input = a.size() > 1 && !a[1].isUndefined() ? a[1] : context;
    if (input.isArray() && !input.isSequence()) {
        Value wrapped = Value::sequence();
        wrapped.push(input);
        wrapped.array()->outerWrapper = true;
        input = wrapped;
    }
    try {
        return flattenSequence(ev.evaluate(*ast, input, ev.rootFrame()));
    } catch (const EvalError &e) {
        throwError("D3121", e.message);
    }
}

} // namespace

void addStringFunctions(Frame &f)
{
    define(f, "string", "<x-b?:s>", fnString);
    define(f, "length", "<s-:n>", [](Evaluator &, Args &a, const Value &) {
        return a[0].isUndefined() ? Value()
                                  : Value::num(static_cast<double>(toU32(a[0].string()).size()));
    });
    define(f, "substring", "<s-nn?:s>", fnSubstring);
    define(f, "substringBefore", "<s-s:s>", fnSubstringBefore);
    define(f, "substringAfter", "<s-s:s>", fnSubstringAfter);
    define(f, "uppercase", "<s-:s>", [](Evaluator &, Args &a, const Value &) {
        return caseMap(a, true);
    });
    define(f, "lowercase", "<s-:s>", [](Evaluator &, Args &a, const Value &) {
        return caseMap(a, false);
    });
    define(f, "trim", "<s-:s>", fnTrim);
    define(f, "pad", "<s-ns?:s>", fnPad);
    define(f, "join", "<a<s>s?:s>", fnJoin);
    define(f, "eval", "<sx?:x>", fnEval);
}

} // namespace stepwise::jsonata
