// Date/time functions (JSONata docs "Date/Time functions": $now, $millis, $fromMillis,
// $toMillis) with ISO 8601 defaults and XPath picture strings (DateTimeFormat.cpp).
#include "core/jsonata/DateTime.h"
#include "core/jsonata/Functions.h"
#include "core/jsonata/IntegerFormat.h"

#include <chrono>
#include <cmath>
#include <regex>

namespace stepwise::jsonata {

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's civil algorithms).
long long daysFromCivil(long long y, int m, int d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

DateParts civilFromMillis(double millis)
{
    auto total = static_cast<long long>(std::floor(millis));
    long long days = total >= 0 ? total / 86400000 : -((-total + 86399999) / 86400000);
    long long rem = total - days * 86400000;
    long long z = days + 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    DateParts p;
    p.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    p.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    p.year = yoe + era * 400 + (p.month <= 2);
    p.hour = static_cast<int>(rem / 3600000);
    p.minute = static_cast<int>(rem / 60000 % 60);
    p.second = static_cast<int>(rem / 1000 % 60);
    p.millis = static_cast<int>(rem % 1000);
    return p;
}

namespace {

const char *kDefaultPicture = "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]";

std::optional<int> parseOffset(const std::string &tz)
{
    static const std::regex re(R"(^([+-]?)(\d{2}):?(\d{2})$)");
    std::smatch m;
    if (!std::regex_match(tz, m, re))
        return std::nullopt;
    int v = std::stoi(m[2].str()) * 60 + std::stoi(m[3].str());
    return m[1].str() == "-" ? -v : v;
}

double nowMillis()
{
    auto now = std::chrono::system_clock::now().time_since_epoch();
    return static_cast<double>(std::chrono::duration_cast<std::chrono::milliseconds>(now).count());
}

Value fromMillis(double ms, const Value &picture, const Value &tz)
{
    std::optional<int> offset;
    if (tz.isString())
        offset = parseOffset(tz.string);
    std::string pic = picture.isString() ? picture.string : kDefaultPicture;
    return Value::str(formatDateTime(ms, parseDatePicture(pic), offset));
}

std::optional<double> parseIso(const std::string &s)
{
    static const std::regex re(R"(^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$)");
    std::smatch m;
    if (!std::regex_match(s, m, re))
        return std::nullopt;
    auto num = [&](int i, int def) { return m[i].matched ? std::stoi(m[i].str()) : def; };
    double days = static_cast<double>(daysFromCivil(num(1, 1970), num(2, 1), num(3, 1)));
    double ms = days * 86400000.0 + num(4, 0) * 3600000.0 + num(5, 0) * 60000.0 + num(6, 0) * 1000.0;
    if (m[7].matched)
        ms += std::round(std::stod("0." + m[7].str()) * 1000);
    if (m[8].matched && m[8].str() != "Z")
        ms -= *parseOffset(m[8].str()) * 60000.0;
    return ms;
}

Value toMillis(Evaluator &, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    if (a.size() > 1 && a[1].isString()) {
        auto r = parseDateTime(a[0].string, parseDatePicture(a[1].string));
        return r ? Value::num(*r) : Value();
    }
    auto r = parseIso(a[0].string);
    if (!r)
        throwError("D3110", "The timestamp '" + a[0].string + "' cannot be parsed");
    return Value::num(*r);
}

} // namespace

void addDateTimeFunctions(Frame &f)
{
    define(f, "millis", "<:n>", [](Evaluator &, Args &, const Value &) {
        return Value::num(nowMillis());
    });
    define(f, "now", "<s?s?:s>", [](Evaluator &, Args &a, const Value &) {
        return fromMillis(nowMillis(), a[0], a[1]);
    });
    define(f, "fromMillis", "<n-s?s?:s>", [](Evaluator &, Args &a, const Value &) {
        if (a[0].isUndefined())
            return Value();
        return fromMillis(a[0].number, a[1], a[2]);
    });
    define(f, "toMillis", "<s-s?:n>", toMillis);
}

} // namespace stepwise::jsonata
