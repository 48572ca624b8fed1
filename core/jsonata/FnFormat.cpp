// Number formatting functions (JSONata docs "Numeric functions": $formatNumber follows XPath
// F&O 3.1 §4.7 fn:format-number; $formatInteger/$parseInteger follow §4.6.1).
#include "core/jsonata/Functions.h"
#include "core/jsonata/IntegerFormat.h"

#include <cmath>
#include <numeric>

namespace stepwise::jsonata {

namespace {

struct Props
{
    char32_t decimal = U'.', grouping = U',', exponent = U'e', percent = U'%',
             perMille = U'\u2030', zero = U'0', digit = U'#', pattern = U';', minus = U'-';
    std::u32string infinity = U"Infinity", nan = U"NaN";
};

struct Parts
{
    std::u32string prefix, suffix, active, mantissa, integer, fractional, sub;
    bool hasExponent = false;
    std::u32string exponent;
};

struct Analysis
{
    std::vector<std::size_t> intGroups, fracGroups;
    std::size_t regular = 0;
    int minInt = 0, scaling = 0, minFrac = 0, maxFrac = 0, minExp = 0;
    bool hasExponent = false;
    std::u32string prefix, suffix, picture;
};

class NumberFormatter
{
public:
    explicit NumberFormatter(Props p) : m_p(std::move(p)) {}
    std::string format(double value, const std::u32string &picture);

private:
    bool isDigit(char32_t c) const { return c >= m_p.zero && c <= m_p.zero + 9; }
    bool isActive(char32_t c) const
    {
        return isDigit(c) || c == m_p.decimal || c == m_p.grouping || c == m_p.digit ||
               c == m_p.pattern || c == m_p.exponent;
    }
    Parts split(const std::u32string &sub) const;
    void validate(const Parts &p) const;
    Analysis analyse(const Parts &p) const;
    std::size_t count(const std::u32string &s, bool withOptional) const
    {
        std::size_t n = 0;
        for (char32_t c : s)
            n += (isDigit(c) || (withOptional && c == m_p.digit)) ? 1 : 0;
        return n;
    }
    Props m_p;
};

Parts NumberFormatter::split(const std::u32string &sub) const
{
    Parts p;
    p.sub = sub;
    std::size_t first = sub.size(), last = sub.size();
    for (std::size_t i = 0; i < sub.size(); ++i)
        if (isActive(sub[i]) && sub[i] != m_p.exponent) {
            first = i;
            break;
        }
    for (std::size_t i = sub.size(); i-- > 0;)
        if (isActive(sub[i]) && sub[i] != m_p.exponent) {
            last = i;
            break;
        }
    if (first == sub.size()) {
        p.active = sub;
    } else {
        p.prefix = sub.substr(0, first);
        p.suffix = sub.substr(last + 1);
        p.active = sub.substr(first, last + 1 - first);
    }
    auto expPos = sub.find(m_p.exponent, p.prefix.size());
    if (expPos == std::u32string::npos || expPos > sub.size() - p.suffix.size()) {
        p.mantissa = p.active;
    } else {
        p.mantissa = p.active.substr(0, std::min(expPos, p.active.size()));
        p.hasExponent = true;
        p.exponent = expPos + 1 <= p.active.size() ? p.active.substr(expPos + 1) : U"";
    }
    auto dec = p.mantissa.find(m_p.decimal);
    if (dec == std::u32string::npos) {
        p.integer = p.mantissa;
        p.fractional = p.suffix;
    } else {
        p.integer = p.mantissa.substr(0, dec);
        p.fractional = p.mantissa.substr(dec + 1);
    }
    return p;
}

void NumberFormatter::validate(const Parts &p) const
{
    const char *error = nullptr;
    const auto &s = p.sub;
    auto dec = s.find(m_p.decimal);
    if (dec != s.rfind(m_p.decimal))
        error = "D3081";
    if (s.find(m_p.percent) != s.rfind(m_p.percent))
        error = "D3082";
    if (s.find(m_p.perMille) != s.rfind(m_p.perMille))
        error = "D3083";
    if (s.find(m_p.percent) != std::u32string::npos && s.find(m_p.perMille) != std::u32string::npos)
        error = "D3084";
    if (count(p.mantissa, true) == 0)
        error = "D3085";
    for (char32_t c : p.active)
        if (!isActive(c))
            error = "D3086";
    if (dec != std::u32string::npos) {
        if ((dec > 0 && s[dec - 1] == m_p.grouping) || (dec + 1 < s.size() && s[dec + 1] == m_p.grouping))
            error = "D3087";
    } else if (!p.integer.empty() && p.integer.back() == m_p.grouping) {
        error = "D3088";
    }
    if (s.find(std::u32string{m_p.grouping, m_p.grouping}) != std::u32string::npos)
        error = "D3089";
    auto opt = p.integer.find(m_p.digit);
    if (opt != std::u32string::npos && count(p.integer.substr(0, opt), false) > 0)
        error = "D3090";
    opt = p.fractional.rfind(m_p.digit);
    if (opt != std::u32string::npos && count(p.fractional.substr(opt), false) > 0)
        error = "D3091";
    if (p.hasExponent && !p.exponent.empty() &&
        (s.find(m_p.percent) != std::u32string::npos || s.find(m_p.perMille) != std::u32string::npos))
        error = "D3092";
    if (p.hasExponent && (p.exponent.empty() || count(p.exponent, false) != p.exponent.size()))
        error = "D3093";
    if (error)
        throwError(error, "Invalid picture string for $formatNumber");
}

Analysis NumberFormatter::analyse(const Parts &p) const
{
    Analysis a;
    for (std::size_t i = 0; i < p.integer.size(); ++i)
        if (p.integer[i] == m_p.grouping)
            a.intGroups.push_back(count(p.integer.substr(i), true));
    for (std::size_t i = 0; i < p.fractional.size(); ++i)
        if (p.fractional[i] == m_p.grouping)
            a.fracGroups.push_back(count(p.fractional.substr(0, i), true));
    if (!a.intGroups.empty()) {
        std::size_t g = 0;
        for (auto v : a.intGroups)
            g = std::gcd(g, v);
        a.regular = g;
        for (std::size_t k = 1; k <= a.intGroups.size(); ++k)
            if (std::find(a.intGroups.begin(), a.intGroups.end(), k * g) == a.intGroups.end())
                a.regular = 0;
    }
    a.minInt = static_cast<int>(count(p.integer, false));
    a.scaling = a.minInt;
    a.minFrac = static_cast<int>(count(p.fractional, false));
    a.maxFrac = static_cast<int>(count(p.fractional, true));
    a.hasExponent = p.hasExponent;
    if (a.minInt == 0 && a.maxFrac == 0) {
        if (a.hasExponent)
            a.minFrac = a.maxFrac = 1;
        else
            a.minInt = 1;
    }
    if (a.hasExponent && a.minInt == 0 && p.integer.find(m_p.digit) != std::u32string::npos)
        a.minInt = 1;
    if (a.minInt == 0 && a.minFrac == 0)
        a.minFrac = 1;
    if (a.hasExponent)
        a.minExp = static_cast<int>(count(p.exponent, false));
    a.prefix = p.prefix;
    a.suffix = p.suffix;
    a.picture = p.sub;
    return a;
}

double roundHalfEven(double v, int dp)
{
    double scale = std::pow(10.0, dp);
    double x = v * scale;
    double r = std::round(x);
    if (std::fabs(std::fabs(x - std::trunc(x)) - 0.5) < 1e-9)
        r = std::fmod(std::trunc(x), 2.0) == 0 ? std::trunc(x) : std::trunc(x) + (x > 0 ? 1 : -1);
    return r / scale;
}

std::string NumberFormatter::format(double value, const std::u32string &picture)
{
    std::vector<std::u32string> subs{U""};
    for (char32_t c : picture) {
        if (c == m_p.pattern)
            subs.emplace_back();
        else
            subs.back() += c;
    }
    if (subs.size() > 2)
        throwError("D3080", "The picture string must not contain more than one pattern separator");
    std::vector<Analysis> pics;
    for (const auto &s : subs) {
        Parts p = split(s);
        validate(p);
        pics.push_back(analyse(p));
    }
    if (pics.size() == 1) {
        pics.push_back(pics[0]);
        pics[1].prefix = std::u32string(1, m_p.minus) + pics[1].prefix;
    }
    const Analysis &pic = value >= 0 ? pics[0] : pics[1];
    double adjusted = value;
    if (pic.picture.find(m_p.percent) != std::u32string::npos)
        adjusted *= 100;
    else if (pic.picture.find(m_p.perMille) != std::u32string::npos)
        adjusted *= 1000;
    double mantissa = adjusted;
    int exponent = 0;
    if (pic.minExp > 0) {
        double maxM = std::pow(10, pic.scaling), minM = std::pow(10, pic.scaling - 1);
        while (mantissa != 0 && std::fabs(mantissa) < minM) {
            mantissa *= 10;
            --exponent;
        }
        while (std::fabs(mantissa) > maxM) {
            mantissa /= 10;
            ++exponent;
        }
    }
    double rounded = roundHalfEven(mantissa, pic.maxFrac);
    auto makeString = [&](double v, int dp) {
        char buf[512];
        std::snprintf(buf, sizeof buf, "%.*f", dp, std::fabs(v));
        std::u32string s = toU32(buf);
        for (auto &c : s)
            if (c >= U'0' && c <= U'9')
                c = m_p.zero + (c - U'0');
        return s;
    };
    std::u32string str = makeString(rounded, pic.maxFrac);
    auto dot = str.find(U'.');
    if (dot == std::u32string::npos)
        str += m_p.decimal;
    else
        str[dot] = m_p.decimal;
    while (!str.empty() && str.front() == m_p.zero)
        str.erase(0, 1);
    while (!str.empty() && str.back() == m_p.zero)
        str.pop_back();
    auto dp = static_cast<int>(str.find(m_p.decimal));
    int padLeft = pic.minInt - dp;
    int padRight = pic.minFrac - (static_cast<int>(str.size()) - dp - 1);
    if (padLeft > 0)
        str.insert(0, static_cast<std::size_t>(padLeft), m_p.zero);
    if (padRight > 0)
        str.append(static_cast<std::size_t>(padRight), m_p.zero);
    auto decPos = str.find(m_p.decimal);
    if (pic.regular > 0) {
        std::size_t groups = decPos > 0 ? (decPos - 1) / pic.regular : 0;
        for (std::size_t g = 1; g <= groups; ++g)
            str.insert(decPos - g * pic.regular, 1, m_p.grouping);
    } else {
        for (auto pos : pic.intGroups) {
            if (pos <= decPos)
                str.insert(decPos - pos, 1, m_p.grouping);
            ++decPos;
        }
    }
    decPos = str.find(m_p.decimal);
    for (auto pos : pic.fracGroups)
        if (pos + decPos + 1 <= str.size())
            str.insert(pos + decPos + 1, 1, m_p.grouping);
    decPos = str.find(m_p.decimal);
    if (pic.maxFrac == 0 || decPos == str.size() - 1)
        if (decPos == str.size() - 1)
            str.pop_back();
    if (pic.minExp > 0) {
        std::u32string e = makeString(exponent, 0);
        if (static_cast<int>(e.size()) < pic.minExp)
            e.insert(0, static_cast<std::size_t>(pic.minExp) - e.size(), m_p.zero);
        str += m_p.exponent;
        if (exponent < 0)
            str += m_p.minus;
        str += e;
    }
    return fromU32(pic.prefix + str + pic.suffix);
}

void applyOption(Props &p, const std::string &key, const Value &v)
{
    if (!v.isString())
        return;
    std::u32string s = toU32(v.string());
    char32_t c = s.empty() ? 0 : s[0];
    if (key == "decimal-separator") p.decimal = c;
    else if (key == "grouping-separator") p.grouping = c;
    else if (key == "exponent-separator") p.exponent = c;
    else if (key == "percent") p.percent = c;
    else if (key == "per-mille") p.perMille = c;
    else if (key == "zero-digit") p.zero = c;
    else if (key == "digit") p.digit = c;
    else if (key == "pattern-separator") p.pattern = c;
    else if (key == "minus-sign") p.minus = c;
    else if (key == "infinity") p.infinity = s;
    else if (key == "NaN") p.nan = s;
}

Value fnFormatNumber(Evaluator &, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    Props props;
    if (a.size() > 2 && a[2].isObject())
        for (const auto &[k, v] : a[2].object()->entries)
            applyOption(props, k, v);
    if (std::isnan(a[0].number))
        return Value::str(fromU32(props.nan));
    if (std::isinf(a[0].number))
        return Value::str(fromU32(props.infinity));
    return Value::str(NumberFormatter(props).format(a[0].number, toU32(a[1].string())));
}

} // namespace

void addFormatFunctions(Frame &f)
{
    define(f, "formatNumber", "<n-so?:s>", fnFormatNumber);
    define(f, "formatInteger", "<n-s:s>", [](Evaluator &, Args &a, const Value &) {
        if (a[0].isUndefined())
            return Value();
        return Value::str(formatInteger(a[0].number, analyseIntegerPicture(toU32(a[1].string()))));
    });
    define(f, "parseInteger", "<s-s:n>", [](Evaluator &, Args &a, const Value &) {
        if (a[0].isUndefined())
            return Value();
        auto v = parseInteger(a[0].string(), analyseIntegerPicture(toU32(a[1].string())));
        return v ? Value::num(*v) : Value();
    });
}

} // namespace stepwise::jsonata
