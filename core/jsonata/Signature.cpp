// Signature parsing and validation (JSONata docs "Function signatures"): each parameter becomes
// a character class over type symbols and the argument symbols are matched against them.
#include "core/jsonata/Signature.h"

#include <string_view>

namespace stepwise::jsonata {

namespace {

char symbolOf(const Value &v)
{
    switch (v.type) {
    case Type::Undefined: return 'm';
    case Type::Null: return 'l';
    case Type::Boolean: return 'b';
    case Type::Number: return 'n';
    case Type::String: return 's';
    case Type::Array: return 'a';
    case Type::Object: return 'o';
    case Type::Function: return 'f';
    }
    return 'm';
}

[[noreturn]] void fail(const char *code, std::string message, std::size_t position = 0)
{
    throw EvalError{code, std::move(message), position, {}, std::nullopt};
}

std::string classFor(char c)
{
    switch (c) {
    case 'x': return "asnblfom";
    case 'j': return "asnblom";
    case 'a': return "asnblfom";
    case 'u': return "snblm"; // union of simple types
    default: return std::string(1, c) + "m";
    }
}

// Matches params[i..count) against symbols[pos..] the way the reference implementation's regex
// `^(p1)(p2)…` does: greedy quantifiers, backtracking, and `$` at the end when `anchored`.
// `lengths[i]` receives each parameter's share of the symbols.
bool matchFrom(const std::vector<SignatureParam> &params, std::size_t count,
               const std::string &symbols, std::size_t i, std::size_t pos, bool anchored,
               std::vector<std::size_t> &lengths)
{
    if (i == count)
        return !anchored || pos == symbols.size();
    const SignatureParam &p = params[i];
    std::size_t run = 0;
    while (pos + run < symbols.size() && p.accepts_symbol(symbols[pos + run]) &&
           (p.repeat || run == 0))
        ++run;
    for (std::size_t len = run; len >= 1; --len) {
        lengths[i] = len;
        if (matchFrom(params, count, symbols, i + 1, pos + len, anchored, lengths))
            return true;
    }
    if (p.optional) {
        lengths[i] = 0;
        return matchFrom(params, count, symbols, i + 1, pos, anchored, lengths);
    }
    return false;
}

} // namespace

Signature parseSignature(const std::string &text, std::size_t position)
{
    Signature sig;
    sig.text = text;
    std::size_t i = 1;
    std::size_t end = text.find(':');
    if (end == std::string::npos)
        end = text.size() - 1;
    while (i < end) {
        char c = text[i];
        if (c == '?' || c == '+') {
            if (sig.params.empty())
                fail("S0401", "Type parameter can only be applied to functions and arrays", position);
            (c == '?' ? sig.params.back().optional : sig.params.back().repeat) = true;
            ++i;
        } else if (c == '-') {
            if (sig.params.empty())
                fail("S0401", "Invalid signature", position);
            auto &p = sig.params.back();
            p.context = true;
            p.optional = true;
            ++i;
        } else if (c == '(') {
            auto close = text.find(')', i);
            if (close == std::string::npos || text.substr(i, close - i).find('<') != std::string::npos)
                fail("S0402", "Choice groups containing parameterized types are not supported",
                     position);
            SignatureParam p;
            p.type = '(';
            p.accepts = text.substr(i + 1, close - i - 1) + "m";
            sig.params.push_back(p);
            i = close + 1;
        } else if (c == '<') {
            if (sig.params.empty() || (sig.params.back().type != 'a' && sig.params.back().type != 'f'))
                fail("S0401", "Type parameter can only be applied to functions and arrays", position);
            int depth = 1;
            std::size_t j = i + 1;
            while (j < text.size() && depth > 0) {
                if (text[j] == '<')
                    ++depth;
                else if (text[j] == '>')
                    --depth;
                ++j;
            }
            sig.params.back().subtype = text.substr(i + 1, j - i - 2);
            i = j;
        } else if (std::string("bnsloafxju").find(c) != std::string::npos) {
            SignatureParam p;
            p.type = c;
            p.accepts = classFor(c);
            sig.params.push_back(p);
            ++i;
        } else {
            fail("S0401", std::string("Invalid signature symbol ") + c, position);
        }
    }
    return sig;
}

std::vector<Value> Signature::validate(const std::vector<Value> &args, const Value &context,
                                       const std::string &fnName) const
{
    std::string supplied;
    for (const auto &a : args)
        supplied += symbolOf(a);
    std::vector<std::size_t> lengths(params.size(), 0);
    if (!matchFrom(params, params.size(), supplied, 0, 0, true, lengths)) {
        // Report the first argument past the longest prefix of parameters that still matches.
        std::size_t goodTo = 0;
        std::vector<std::size_t> partial(params.size(), 0);
        for (std::size_t k = 1; k <= params.size(); ++k) {
            if (!matchFrom(params, k, supplied, 0, 0, false, partial))
                break;
            goodTo = 0;
            for (std::size_t j = 0; j < k; ++j)
                goodTo += partial[j];
        }
        fail("T0410", "Argument " + std::to_string(goodTo + 1) + " of function " + fnName +
                          " does not match function signature");
    }
    std::vector<Value> out;
    std::size_t argIndex = 0;
    std::size_t offset = 0;
    for (std::size_t pi = 0; pi < params.size(); ++pi) {
        const auto &p = params[pi];
        const std::string_view match(supplied.data() + offset, lengths[pi]);
        offset += lengths[pi];
        if (match.empty()) {
            if (p.context) {
                if (!p.accepts_symbol(symbolOf(context)))
                    fail("T0411", "Context value is not a compatible type with argument " +
                                      std::to_string(argIndex + 1) + " of function " + fnName);
                out.push_back(context);
            } else {
                if (argIndex < args.size())
                    out.push_back(args[argIndex]);
                ++argIndex;
            }
            continue;
        }
        for (char single : match) {
            Value arg = argIndex < args.size() ? args[argIndex] : Value();
            if (p.type == 'a' && single != 'm') {
                bool ok = true;
                if (!p.subtype.empty()) {
                    char want = p.subtype[0];
                    if (single != 'a')
                        ok = single == want;
                    else if (arg.isArray())
                        for (const auto &e : arg.array()->items)
                            if (symbolOf(e) != want)
                                ok = false;
                }
                if (!ok)
                    fail("T0412", "Argument " + std::to_string(argIndex + 1) + " of function " +
                                      fnName + " must be an array of " + p.subtype);
                if (single != 'a') {
                    Value wrapped = Value::newArray();
                    wrapped.push(arg);
                    arg = wrapped;
                }
            }
            out.push_back(arg);
            ++argIndex;
        }
    }
    while (out.size() < params.size())
        out.emplace_back();
    return out;
}

} // namespace stepwise::jsonata
