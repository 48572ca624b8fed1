// Regular-expression functions (JSONata docs "Regular expressions", $contains, $split,
// $match, $replace). Regexes use ECMAScript syntax like the JavaScript reference.
#include "core/jsonata/Functions.h"

#include <cmath>

namespace stepwise::jsonata {

std::optional<Value> makeRegexValue(const std::string &pattern, const std::string &flags)
{
    auto c = std::make_shared<Callable>();
    c->kind = Callable::Kind::Regex;
    c->pattern = pattern;
    c->regex = CompiledRegex::compile(pattern, flags);
    if (!c->regex)
        return std::nullopt;
    return Value::functionValue(std::move(c));
}

namespace {

struct Match
{
    std::size_t start = 0, end = 0;
    std::vector<std::string> groups;
    std::string text;
    std::size_t index = 0; // in characters
};

// The pattern argument once it is not a string: a regex, or a signature error. An undefined
// pattern passes the signature check (found by fuzz_jsonata: it was dereferenced as null).
const Callable &patternArg(const Value &pattern, const char *function)
{
    if (!pattern.isFunction())
        throwError("T0410", std::string("Argument 2 of function \"") + function
                                + "\" does not match function signature");
    return *pattern.function();
}

bool findMatch(const Callable &re, const std::string &s, std::size_t from, Match &m)
{
    static thread_local std::vector<std::pair<std::size_t, std::size_t>> groups;
    if (!re.regex || !re.regex->search(s, from, groups))
        return false;
    m.start = groups[0].first;
    m.end = groups[0].second;
    m.text = s.substr(m.start, m.end - m.start);
    m.index = toU32(s.substr(0, m.start)).size();
    m.groups.clear();
    for (std::size_t i = 1; i < groups.size(); ++i)
        m.groups.push_back(groups[i].first == CompiledRegex::npos
                               ? std::string()
                               : s.substr(groups[i].first, groups[i].second - groups[i].first));
    return true;
}

std::vector<Match> allMatches(const Callable &re, const std::string &s, double limit)
{
    std::vector<Match> out;
    std::size_t pos = 0;
    Match m;
    while (static_cast<double>(out.size()) < limit && findMatch(re, s, pos, m)) {
        if (m.text.empty())
            throwError("D1004", "Regular expression matches zero length string");
        out.push_back(m);
        pos = m.end;
    }
    return out;
}

double limitArg(const Args &a, std::size_t i)
{
    return a.size() > i && !a[i].isUndefined() ? a[i].number : INFINITY;
}

Value fnContains(Evaluator &, Args &a, const Value &)
{
    if (a[0].isUndefined() || a[1].isUndefined())
        return Value();
    if (a[1].isString())
        return Value::boolValue(a[0].string().find(a[1].string()) != std::string::npos);
    Match m;
    return Value::boolValue(findMatch(patternArg(a[1], "contains"), a[0].string(), 0, m));
}

Value fnSplit(Evaluator &, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    double limit = limitArg(a, 2);
    if (limit < 0)
        throwError("D3020", "Third argument of split function must evaluate to a positive number");
    Value out = Value::newArray();
    const std::string &s = a[0].string();
    if (a[1].isString()) {
        const std::string &sep = a[1].string();
        if (sep.empty()) {
            for (char32_t c : toU32(s))
                out.push(Value::str(fromU32(std::u32string(1, c))));
        } else {
            std::size_t pos = 0, next;
            while ((next = s.find(sep, pos)) != std::string::npos) {
                out.push(Value::str(s.substr(pos, next - pos)));
                pos = next + sep.size();
            }
            out.push(Value::str(s.substr(pos)));
        }
    } else {
        std::size_t pos = 0;
        for (const auto &m : allMatches(patternArg(a[1], "split"), s, INFINITY)) {
            out.push(Value::str(s.substr(pos, m.start - pos)));
            pos = m.end;
        }
        out.push(Value::str(s.substr(pos)));
    }
    if (static_cast<double>(out.size()) > limit)
        out.array()->items.resize(static_cast<std::size_t>(limit));
    return out;
}

Value matchObject(const Match &m)
{
    Value o = Value::newObject();
    o.object()->set("match", Value::str(m.text));
    o.object()->set("index", Value::num(static_cast<double>(m.index)));
    Value groups = Value::newArray();
    for (const auto &g : m.groups)
        groups.push(Value::str(g));
    o.object()->set("groups", groups);
    return o;
}

Value fnMatch(Evaluator &, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    double limit = limitArg(a, 2);
    if (limit < 0)
        throwError("D3040", "Third argument of match function must evaluate to a positive number");
    Value out = Value::sequence();
    for (const auto &m : allMatches(patternArg(a[1], "match"), a[0].string(), limit))
        out.push(matchObject(m));
    return out;
}

// Expands $0, $1.. in a replacement string (docs: "$replace"): the longest valid group number
// wins, "$$" is a literal dollar.
std::string expandReplacement(const std::string &rep, const Match &m)
{
    std::string out;
    for (std::size_t i = 0; i < rep.size(); ++i) {
        if (rep[i] != '$' || i + 1 >= rep.size()) {
            out += rep[i];
            continue;
        }
        if (rep[i + 1] == '$') {
            out += '$';
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        while (j < rep.size() && std::isdigit(static_cast<unsigned char>(rep[j])))
            ++j;
        if (j == i + 1) {
            out += '$';
            continue;
        }
        std::size_t maxDigits = std::to_string(m.groups.size()).size();
        std::string digits = rep.substr(i + 1, std::min(j - i - 1, maxDigits));
        if (digits.size() > 1 && std::stoul(digits) > m.groups.size())
            digits.pop_back();
        std::size_t g = std::stoul(digits);
        if (g == 0)
            out += m.text;
        else if (g <= m.groups.size())
            out += m.groups[g - 1];
        i += digits.size();
    }
    return out;
}

Value fnReplace(Evaluator &ev, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    double limit = limitArg(a, 3);
    if (limit < 0)
        throwError("D3011", "Fourth argument of replace function must evaluate to a positive "
                            "number");
    const std::string &s = a[0].string();
    if (a[1].isString()) {
        if (a[1].string().empty())
            throwError("D3010", "Second argument of replace function cannot be an empty string");
        std::string out;
        std::size_t pos = 0, next, count = 0;
        while (static_cast<double>(count) < limit &&
               (next = s.find(a[1].string(), pos)) != std::string::npos) {
            out += s.substr(pos, next - pos) + (a[2].isString() ? a[2].string() : "");
            pos = next + a[1].string().size();
            ++count;
        }
        return Value::str(out + s.substr(pos));
    }
    std::string out;
    std::size_t pos = 0;
    for (const auto &m : allMatches(patternArg(a[1], "replace"), s, limit)) {
        out += s.substr(pos, m.start - pos);
        if (a[2].isString()) {
            out += expandReplacement(a[2].string(), m);
        } else {
            Value r = ev.apply(a[2], {matchObject(m)}, Value());
            if (!r.isString())
                throwError("D3012", "Attempted to replace a matched string with a non-string "
                                    "value");
            out += r.string();
        }
        pos = m.end;
    }
    return Value::str(out + s.substr(pos));
}

} // namespace

Value regexExec(const Callable &re, const std::string &s, std::size_t from)
{
    Match m;
    if (!findMatch(re, s, from, m))
        return Value();
    Value o = matchObject(m);
    o.object()->set("start", Value::num(static_cast<double>(m.start)));
    o.object()->set("end", Value::num(static_cast<double>(m.end)));
    return o;
}

void addRegexFunctions(Frame &f)
{
    define(f, "contains", "<s-(sf):b>", fnContains);
    define(f, "split", "<s-(sf)n?:a<s>>", fnSplit);
    define(f, "match", "<s-f<s:o>n?:a<o>>", fnMatch);
    define(f, "replace", "<s-(sf)(sf)n?:s>", fnReplace);
}

} // namespace stepwise::jsonata
