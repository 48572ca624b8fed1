// Numeric, aggregation and boolean functions (JSONata docs "Numeric functions",
// "Aggregation functions", "Boolean functions").
#include "core/jsonata/Functions.h"

#include <cmath>
#include <cstdlib>

namespace stepwise::jsonata {

namespace {

Value numberFromString(const std::string &s)
{
    auto fail = [&]() -> Value {
        throwError("D3030", "Unable to cast value to a number: \"" + s + "\"");
    };
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X' || s[1] == 'b' ||
                                        s[1] == 'B' || s[1] == 'o' || s[1] == 'O')) {
        int base = (s[1] == 'x' || s[1] == 'X') ? 16 : (s[1] == 'b' || s[1] == 'B') ? 2 : 8;
        char *end = nullptr;
        double d = static_cast<double>(std::strtoull(s.c_str() + 2, &end, base));
        return *end ? fail() : Value::num(d);
    }
    // JSON number grammar only.
    std::size_t i = 0;
    if (i < s.size() && s[i] == '-')
        ++i;
    if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i])))
        return fail();
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
        ++i;
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i])))
            return fail();
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
            ++i;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            ++i;
        if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i])))
            return fail();
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
            ++i;
    }
    if (i != s.size())
        return fail();
    double d = std::strtod(s.c_str(), nullptr);
    return std::isfinite(d) ? Value::num(d) : fail();
}

Value fnNumber(Evaluator &, Args &a, const Value &)
{
    const Value &v = a[0];
    switch (v.type) {
    case Type::Undefined: return Value();
    case Type::Number: return v;
    case Type::Boolean: return Value::num(v.boolean ? 1 : 0);
    case Type::String: return numberFromString(v.string());
    default:
        throwError("D3030", "Unable to cast value to a number: " + stringify(v, false));
    }
}

// Round half to even at the given number of decimal places ($round).
Value fnRound(Evaluator &, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    double precision = a.size() > 1 && !a[1].isUndefined() ? a[1].number : 0;
    double scale = std::pow(10.0, precision);
    double v = a[0].number * scale;
    // Work on the decimal representation to avoid binary artefacts (2.675 etc.).
    double r = std::round(v);
    double diff = std::fabs(v - std::trunc(v));
    if (std::fabs(diff - 0.5) < 1e-9 * std::max(1.0, std::fabs(v))) {
        double t = std::trunc(v);
        r = std::fmod(t, 2.0) == 0 ? t : t + (v > 0 ? 1 : -1);
    }
    double result = r / scale;
    if (precision < 0)
        result = r * std::pow(10.0, -precision);
    return Value::num(result == 0 ? 0.0 : result);
}

Value unary(Args &a, double (*f)(double))
{
    return a[0].isUndefined() ? Value() : Value::num(f(a[0].number));
}

Value fnFormatBase(Evaluator &, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    double radix = a.size() > 1 && !a[1].isUndefined() ? a[1].number : 10;
    if (radix < 2 || radix > 36)
        throwError("D3100", "The radix of the formatBase function must be between 2 and 36");
    double v = std::round(a[0].number);
    bool neg = v < 0;
    auto n = static_cast<unsigned long long>(std::fabs(v));
    auto base = static_cast<unsigned long long>(radix);
    std::string out;
    do {
        out.insert(out.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[n % base]);
        n /= base;
    } while (n);
    return Value::str((neg ? "-" : "") + out);
}

Value aggregate(Args &a, int mode)
{
    if (a[0].isUndefined())
        return Value();
    const auto &items = a[0].array()->items;
    if (items.empty() && mode != 0)
        return Value();
    double acc = mode == 0 || mode == 3 ? 0 : items[0].number;
    for (const auto &e : items) {
        if (mode == 0 || mode == 3)
            acc += e.number;
        else if (mode == 1)
            acc = std::max(acc, e.number);
        else
            acc = std::min(acc, e.number);
    }
    if (mode == 3)
        acc /= static_cast<double>(items.size());
    return Value::num(acc);
}

} // namespace

void addNumericFunctions(Frame &f)
{
    define(f, "number", "<(nsb)-:n>", fnNumber);
    define(f, "abs", "<n-:n>", [](Evaluator &, Args &a, const Value &) {
        return unary(a, [](double d) { return std::fabs(d); });
    });
    define(f, "floor", "<n-:n>", [](Evaluator &, Args &a, const Value &) {
        return unary(a, [](double d) { return std::floor(d); });
    });
    define(f, "ceil", "<n-:n>", [](Evaluator &, Args &a, const Value &) {
        return unary(a, [](double d) { return std::ceil(d); });
    });
    define(f, "round", "<n-n?:n>", fnRound);
    define(f, "sqrt", "<n-:n>", [](Evaluator &, Args &a, const Value &) {
        if (!a[0].isUndefined() && a[0].number < 0)
            throwError("D3060", "The sqrt function cannot be applied to a negative number: " +
                                    formatJsNumber(a[0].number));
        return unary(a, [](double d) { return std::sqrt(d); });
    });
    define(f, "power", "<n-n:n>", [](Evaluator &, Args &a, const Value &) {
        if (a[0].isUndefined())
            return Value();
        double r = std::pow(a[0].number, a[1].number);
        if (!std::isfinite(r))
            throwError("D3061", "The power function has resulted in a value that cannot be "
                                "represented as a JSON number");
        return Value::num(r);
    });
    define(f, "random", "<:n>", [](Evaluator &ev, Args &, const Value &) {
        return Value::num(ev.random());
    });
    define(f, "formatBase", "<n-n?:s>", fnFormatBase);
    define(f, "sum", "<a<n>:n>", [](Evaluator &, Args &a, const Value &) { return aggregate(a, 0); });
    define(f, "max", "<a<n>:n>", [](Evaluator &, Args &a, const Value &) { return aggregate(a, 1); });
    define(f, "min", "<a<n>:n>", [](Evaluator &, Args &a, const Value &) { return aggregate(a, 2); });
    define(f, "average", "<a<n>:n>", [](Evaluator &, Args &a, const Value &) {
        return aggregate(a, 3);
    });
    define(f, "count", "<a:n>", [](Evaluator &, Args &a, const Value &) {
        return Value::num(a[0].isUndefined() ? 0.0 : static_cast<double>(a[0].size()));
    });
    define(f, "boolean", "<x-:b>", [](Evaluator &, Args &a, const Value &) {
        return a[0].isUndefined() ? Value() : Value::boolValue(isTruthy(a[0]));
    });
    define(f, "not", "<x-:b>", [](Evaluator &, Args &a, const Value &) {
        return a[0].isUndefined() ? Value() : Value::boolValue(!isTruthy(a[0]));
    });
    define(f, "exists", "<x:b>", [](Evaluator &, Args &a, const Value &) {
        return Value::boolValue(!a[0].isUndefined());
    });
}

} // namespace stepwise::jsonata
