// Date/time functions (JSONata docs "Date/Time functions": $now, $millis, $fromMillis,
// $toMillis) with ISO 8601 defaults and XPath picture strings (DateTimeFormat.cpp).
#include "core/jsonata/DateTime.h"
#include "core/jsonata/Functions.h"
#include "core/jsonata/IntegerFormat.h"

#include <chrono>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>

namespace stepwise::jsonata {

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's civil algorithms).
long long daysFromCivil(long long y, int m, int d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    const long long month = m;
    long long doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + d - 1;
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

// Reads `n` digits at `pos` (advancing it); nullopt when they are not all there.
std::optional<int> readDigits(std::string_view s, std::size_t &pos, std::size_t n)
{
    if (pos + n > s.size())
        return std::nullopt;
    int v = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const char c = s[pos + i];
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    pos += n;
    return v;
}

// "+hh:mm", "-hhmm" or "hh:mm" → minutes east of UTC.
std::optional<int> parseOffset(std::string_view tz)
{
    std::size_t pos = 0;
    bool negative = false;
    if (!tz.empty() && (tz[0] == '+' || tz[0] == '-')) {
        negative = tz[0] == '-';
        ++pos;
    }
    const auto hours = readDigits(tz, pos, 2);
    if (pos < tz.size() && tz[pos] == ':')
        ++pos;
    const auto minutes = hours ? readDigits(tz, pos, 2) : std::nullopt;
    if (!minutes || pos != tz.size())
        return std::nullopt;
    const int v = *hours * 60 + *minutes;
    return negative ? -v : v;
}

// Pictures are parsed once per thread: an ASL field formats every date with the same picture.
const std::vector<PictureMarker> &cachedPicture(const std::string &picture)
{
    static thread_local std::unordered_map<std::string, std::vector<PictureMarker>> cache;
    if (auto it = cache.find(picture); it != cache.end())
        return it->second;
    if (cache.size() >= 256)
        cache.clear();
    return cache.emplace(picture, parseDatePicture(picture)).first->second;
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
        offset = parseOffset(tz.string());
    std::string pic = picture.isString() ? picture.string() : kDefaultPicture;
    return Value::str(formatDateTime(ms, cachedPicture(pic), offset));
}

// YYYY[-MM[-DD[Thh:mm[:ss[.f+]][Z|±hh[:]mm]]]] — the ISO 8601 forms $toMillis reads without a
// picture. Parsed by hand: std::regex made this the slowest step of a date expression.
std::optional<double> parseIso(std::string_view s)
{
    std::size_t pos = 0;
    const auto year = readDigits(s, pos, 4);
    if (!year)
        return std::nullopt;
    int month = 1, day = 1, hour = 0, minute = 0, second = 0;
    double fraction = 0;
    if (pos < s.size()) {
        if (s[pos++] != '-')
            return std::nullopt;
        const auto mo = readDigits(s, pos, 2);
        if (!mo)
            return std::nullopt;
        month = *mo;
    }
    if (pos < s.size()) {
        if (s[pos++] != '-')
            return std::nullopt;
        const auto d = readDigits(s, pos, 2);
        if (!d)
            return std::nullopt;
        day = *d;
    }
    std::optional<int> offset;
    if (pos < s.size()) {
        if (s[pos++] != 'T')
            return std::nullopt;
        const auto h = readDigits(s, pos, 2);
        if (!h || pos >= s.size() || s[pos++] != ':')
            return std::nullopt;
        const auto mi = readDigits(s, pos, 2);
        if (!mi)
            return std::nullopt;
        hour = *h;
        minute = *mi;
        if (pos < s.size() && s[pos] == ':') {
            ++pos;
            const auto sec = readDigits(s, pos, 2);
            if (!sec)
                return std::nullopt;
            second = *sec;
            if (pos < s.size() && s[pos] == '.') {
                const std::size_t start = ++pos;
                while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9')
                    ++pos;
                if (pos == start)
                    return std::nullopt;
                fraction = std::stod("0." + std::string(s.substr(start, pos - start)));
            }
        }
        if (pos < s.size()) {
            if (s[pos] == 'Z') {
                ++pos;
            } else if (s[pos] == '+' || s[pos] == '-') {
                offset = parseOffset(s.substr(pos));
                if (!offset)
                    return std::nullopt;
                pos = s.size();
            }
        }
    }
    if (pos != s.size())
        return std::nullopt;
    const double days = static_cast<double>(daysFromCivil(*year, month, day));
    double ms = days * 86400000.0 + hour * 3600000.0 + minute * 60000.0 + second * 1000.0;
    ms += std::round(fraction * 1000);
    if (offset)
        ms -= *offset * 60000.0;
    return ms;
}

Value toMillis(Evaluator &, Args &a, const Value &)
{
    if (a[0].isUndefined())
        return Value();
    if (a.size() > 1 && a[1].isString()) {
        auto r = parseDateTime(a[0].string(), cachedPicture(a[1].string()));
        return r ? Value::num(*r) : Value();
    }
    auto r = parseIso(a[0].string());
    if (!r)
        throwError("D3110", "The timestamp '" + a[0].string() + "' cannot be parsed");
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
