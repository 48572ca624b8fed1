// Parsing timestamps against a date/time picture (JSONata $toMillis with a picture; the
// inverse of XPath F&O 3.1 §9.8.4 formatting).
#include "core/jsonata/DateTime.h"

#include "core/jsonata/Functions.h"
#include "core/jsonata/IntegerFormat.h"

#include <chrono>
#include <cmath>
#include <algorithm>
#include <map>

namespace stepwise::jsonata {

namespace {
const char *kMonthNames[] = {"january", "february", "march",     "april",   "may",      "june",
                             "july",    "august",   "september", "october", "november", "december"};
const char *kDayNames[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                           "sunday"};

std::string lower(std::string s)
{
    for (auto &c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Matches a name list at pos (full names first, then abbreviations); returns 1-based index.
int matchName(const std::string &text, std::size_t &pos, const char *const *names, int count)
{
    std::string rest = lower(text.substr(pos));
    for (int i = 0; i < count; ++i)
        if (rest.rfind(names[i], 0) == 0) {
            pos += std::string(names[i]).size();
            return i + 1;
        }
    for (int i = 0; i < count; ++i)
        if (rest.rfind(std::string(names[i]).substr(0, 3), 0) == 0) {
            pos += 3;
            return i + 1;
        }
    return 0;
}

std::size_t digitCount(const std::string &pres)
{
    std::size_t n = 0;
    for (char c : pres)
        n += (std::isdigit(static_cast<unsigned char>(c)) || c == '#') ? 1 : 0;
    return n;
}

} // namespace

std::optional<double> parseDateTime(const std::string &text, const std::vector<PictureMarker> &pic)
{
    std::map<char, long long> values;
    std::size_t pos = 0;
    bool pm = false, hasP = false;
    int offset = 0;
    for (std::size_t i = 0; i < pic.size(); ++i) {
        const auto &m = pic[i];
        if (m.literal) {
            if (text.compare(pos, m.text.size(), m.text) != 0)
                return std::nullopt;
            pos += m.text.size();
            continue;
        }
        char c = m.component;
        const std::string &pres = m.presentation;
        if (std::string("WXxw").find(c) != std::string::npos)
            throwError("D3136", "The date/time picture components are insufficient to determine a date");
        bool names = pres[0] == 'N' || pres[0] == 'n';
        std::string nextLiteral = i + 1 < pic.size() && pic[i + 1].literal ? pic[i + 1].text : "";
        bool adjacent = i + 1 < pic.size() && !pic[i + 1].literal;
        if (c == 'P') {
            std::string two = lower(text.substr(pos, 2));
            hasP = true;
            pm = two == "pm";
            pos += 2;
            continue;
        }
        if (c == 'Z' || c == 'z') {
            if (pos < text.size() && text[pos] == 'Z') {
                ++pos;
                continue;
            }
            if (text.compare(pos, 3, "GMT") == 0)
                pos += 3;
            std::size_t start = pos;
            while (pos < text.size() && (std::isdigit(static_cast<unsigned char>(text[pos])) ||
                                         text[pos] == '+' || text[pos] == '-' || text[pos] == ':'))
                ++pos;
            std::string tz = text.substr(start, pos - start);
            tz.erase(std::remove(tz.begin(), tz.end(), ':'), tz.end());
            if (tz.size() >= 2) {
                std::string digits = tz.substr(1);
                int hours = std::stoi(digits.size() > 2 ? digits.substr(0, digits.size() - 2) : digits);
                int mins = digits.size() > 2 ? std::stoi(digits.substr(digits.size() - 2)) : 0;
                offset = (tz[0] == '-' ? -1 : 1) * (hours * 60 + mins);
            }
            continue;
        }
        if (names && (c == 'M' || c == 'F')) {
            int idx = c == 'M' ? matchName(text, pos, kMonthNames, 12) : matchName(text, pos, kDayNames, 7);
            if (!idx)
                return std::nullopt;
            if (c == 'M')
                values['M'] = idx;
            continue;
        }
        std::size_t start = pos;
        if (c == 'f') {
            while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos])))
                ++pos;
            std::string frac = (text.substr(start, pos - start) + "000").substr(0, 3);
            values['f'] = std::stoll(frac);
            continue;
        }
        IntegerPicture ip = analyseIntegerPicture(toU32(pres));
        if (ip.kind == IntegerPicture::Kind::Words) {
            std::size_t end = nextLiteral.empty() ? text.size() : text.find(nextLiteral, pos);
            if (end == std::string::npos)
                return std::nullopt;
            pos = end;
        } else if (ip.kind == IntegerPicture::Kind::Decimal) {
            std::size_t limit = adjacent ? (m.maxWidth > 0 ? static_cast<std::size_t>(m.maxWidth)
                                                           : digitCount(pres))
                                         : std::string::npos;
            while (pos < text.size() && pos - start < limit &&
                   std::isdigit(static_cast<unsigned char>(text[pos])))
                ++pos;
            if (m.ordinal)
                while (pos < text.size() && std::isalpha(static_cast<unsigned char>(text[pos])))
                    ++pos;
        } else {
            while (pos < text.size() && std::isalpha(static_cast<unsigned char>(text[pos])))
                ++pos;
        }
        auto v = parseInteger(text.substr(start, pos - start), ip);
        // A component beyond a billion puts the time outside any date the reference can hold
        // (±8.64e15 ms); refusing it here keeps the civil-date arithmetic below from overflowing.
        constexpr double kMaxComponent = 1e9;
        if (!v || !std::isfinite(*v) || std::fabs(*v) > kMaxComponent)
            return std::nullopt;
        values[c] = static_cast<long long>(*v);
    }
    if (values.empty() && !hasP)
        return std::nullopt;
    {
        const char order[] = {'Y', 'M', 'D', 'H', 'm', 's', 'f'};
        bool present[7];
        for (int k = 0; k < 7; ++k)
            present[k] = values.count(order[k]) || (k == 3 && values.count('h')) ||
                         ((k == 1 || k == 2) && values.count('d'));
        int firstP = -1, lastP = -1;
        for (int k = 0; k < 7; ++k)
            if (present[k]) {
                lastP = k;
                if (firstP < 0)
                    firstP = k;
            }
        for (int k = firstP; k >= 0 && k < lastP; ++k)
            if (!present[k])
                throwError("D3136", "The date/time picture components are insufficient to "
                                    "determine a date");
    }
    if (values.count('D') && !values.count('M'))
        throwError("D3136", "The date/time picture components are insufficient to determine a date");
    bool hasDate = values.count('Y') || values.count('M') || values.count('D') || values.count('d');
    long long year = values.count('Y') ? values['Y'] : 1970;
    if (!hasDate) {
        auto now = std::chrono::system_clock::now().time_since_epoch();
        DateParts today = civilFromMillis(static_cast<double>(
            std::chrono::duration_cast<std::chrono::milliseconds>(now).count()));
        year = today.year;
        values['M'] = today.month;
        values['D'] = today.day;
    }
    double days;
    if (values.count('d'))
        days = static_cast<double>(daysFromCivil(year, 1, 1) + values['d'] - 1);
    else
        days = static_cast<double>(daysFromCivil(year, static_cast<int>(values.count('M') ? values['M'] : 1),
                                                 static_cast<int>(values.count('D') ? values['D'] : 1)));
    long long hour = values.count('H') ? values['H'] : (values.count('h') ? values['h'] % 12 : 0);
    if (hasP && pm)
        hour += 12;
    double ms = days * 86400000.0 + static_cast<double>(hour) * 3600000.0 +
                static_cast<double>(values['m']) * 60000.0 + static_cast<double>(values['s']) * 1000.0 +
                static_cast<double>(values['f']);
    return ms - offset * 60000.0;
}

} // namespace stepwise::jsonata
