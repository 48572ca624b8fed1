// Date/time picture parsing and formatting (XPath F&O 3.1 §9.8.4 format-dateTime picture
// strings as implemented by JSONata $fromMillis).
#include "core/jsonata/DateTime.h"

#include "core/jsonata/Functions.h"
#include "core/jsonata/IntegerFormat.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace stepwise::jsonata {

namespace {
const char *kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                         "July",    "August",   "September", "October", "November", "December"};
const char *kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                       "Sunday"};

std::string defaultPresentation(char c)
{
    switch (c) {
    case 'F':
    case 'P': return "n";
    case 'C':
    case 'E': return "Nn";
    case 'm':
    case 's': return "01";
    case 'Z':
    case 'z': return "01:01";
    default: return "1";
    }
}

std::string applyCase(std::string name, const std::string &pres, int maxWidth)
{
    if (maxWidth > 0 && static_cast<int>(name.size()) > maxWidth)
        name = name.substr(0, static_cast<std::size_t>(maxWidth));
    if (pres == "N")
        for (auto &c : name)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    else if (pres == "n")
        for (auto &c : name)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return name;
}

int isoWeekday(long long days) // 1 = Monday
{
    long long w = (days + 3) % 7; // 1970-01-01 was a Thursday
    if (w < 0)
        w += 7;
    return static_cast<int>(w) + 1;
}

// ISO week-numbering year and week for a day number.
std::pair<long long, int> isoWeek(long long days, long long year)
{
    auto weekOneStart = [](long long y) {
        long long jan4 = daysFromCivil(y, 1, 4);
        return jan4 - (isoWeekday(jan4) - 1);
    };
    long long start = weekOneStart(year);
    if (days < start) {
        --year;
        start = weekOneStart(year);
    } else if (days >= weekOneStart(year + 1)) {
        ++year;
        start = weekOneStart(year);
    }
    return {year, static_cast<int>((days - start) / 7 + 1)};
}

std::string formatTimezone(const PictureMarker &m, int offset)
{
    if (m.zuluT && offset == 0)
        return "Z";
    std::string pres = m.presentation;
    int h = std::abs(offset) / 60, mins = std::abs(offset) % 60;
    std::string sign = offset < 0 ? "-" : "+";
    std::string digits;
    for (char c : pres)
        if (std::isdigit(static_cast<unsigned char>(c)))
            digits += c;
    char buf[32];
    if (digits.size() > 4)
        throwError("D3134", "The timezone picture has too many digits");
    if (digits.size() <= 2) {
        std::snprintf(buf, sizeof buf, digits.size() == 2 ? "%02d" : "%d", h);
        std::string out = sign + buf;
        if (pres.find(':') != std::string::npos || mins != 0) {
            std::snprintf(buf, sizeof buf, ":%02d", mins);
            out += buf;
        }
        return (m.component == 'z' ? "GMT" : "") + out;
    }
    bool colon = pres.find(':') != std::string::npos;
    std::snprintf(buf, sizeof buf, colon ? "%02d:%02d" : "%02d%02d", h, mins);
    return (m.component == 'z' ? "GMT" : "") + sign + buf;
}

// A width modifier's number ("*" or none: -1). Like parseInt it reads the leading digits; widths
// are capped at kMaxPictureWidth, so a hostile picture cannot ask for a gigabyte of padding.
constexpr int kMaxPictureWidth = 1000;
int pictureWidth(const std::string &text)
{
    long long width = -1;
    for (char c : text) {
        if (!std::isdigit(static_cast<unsigned char>(c)))
            break;
        width = std::min<long long>((width < 0 ? 0 : width * 10) + (c - '0'), kMaxPictureWidth);
    }
    return static_cast<int>(width);
}

std::string formatNumberComponent(long long value, const PictureMarker &m)
{
    std::string pres = m.presentation;
    IntegerPicture pic = analyseIntegerPicture(toU32(pres + (m.ordinal ? ";o" : "")));
    std::string s = formatInteger(static_cast<double>(value), pic);
    if (pic.kind == IntegerPicture::Kind::Decimal) {
        if (m.minWidth > static_cast<int>(s.size()))
            s.insert(0, static_cast<std::size_t>(m.minWidth) - s.size(), '0');
        int maxW = m.maxWidth;
        if (m.component == 'Y' && maxW < 0 && m.impliedMax > 0 && pic.mandatoryDigits < m.impliedMax)
            maxW = m.impliedMax;
        if (m.component == 'Y' && maxW < 0 && m.minWidth < 0 && pic.mandatoryDigits == 2)
            maxW = 2;
        if (maxW > 0 && static_cast<int>(s.size()) > maxW && m.component == 'Y')
            s = s.substr(s.size() - static_cast<std::size_t>(maxW));
    }
    return s;
}

PictureMarker literalMarker(const std::string &text)
{
    PictureMarker m;
    m.text = text;
    return m;
}

} // namespace

std::vector<PictureMarker> parseDatePicture(const std::string &picture)
{
    std::vector<PictureMarker> out;
    std::string lit;
    if (picture.rfind('[') != std::string::npos &&
        picture.find(']', picture.rfind('[')) == std::string::npos &&
        !(picture.rfind('[') > 0 && picture[picture.rfind('[') - 1] == '['))
        throwError("D3135", "No matching closing bracket ']' in date/time picture string");
    for (std::size_t i = 0; i < picture.size(); ++i) {
        char c = picture[i];
        if ((c == '[' || c == ']') && i + 1 < picture.size() && picture[i + 1] == c) {
            lit += c;
            ++i;
            continue;
        }
        if (c != '[') {
            lit += c;
            continue;
        }
        auto close = picture.find(']', i);
        if (close == std::string::npos)
            throwError("D3135", "No matching closing bracket ']' in date/time picture string");
        if (!lit.empty())
            out.push_back(literalMarker(lit));
        lit.clear();
        std::string body;
        for (char b : picture.substr(i + 1, close - i - 1))
            if (!std::isspace(static_cast<unsigned char>(b)))
                body += b;
        PictureMarker m;
        m.literal = false;
        m.component = body.empty() ? ' ' : body[0];
        if (std::string("YMDdFWwXxHhPmsfZzCE").find(m.component) == std::string::npos)
            throwError("D3132", std::string("Unknown component specifier ") + m.component);
        std::string rest = body.substr(1);
        auto comma = rest.rfind(',');
        std::string width;
        if (comma != std::string::npos) {
            width = rest.substr(comma + 1);
            rest = rest.substr(0, comma);
            auto dash = width.find('-');
            std::string lo = width.substr(0, dash), hi = dash == std::string::npos ? "" : width.substr(dash + 1);
            m.minWidth = pictureWidth(lo);
            m.maxWidth = pictureWidth(hi);
            if (dash == std::string::npos)
                m.impliedMax = m.minWidth;
        }
        if (!rest.empty() && rest.back() == 't' && (m.component == 'Z' || m.component == 'z')) {
            m.zuluT = true;
            rest.pop_back();
        }
        if (!rest.empty() && rest.back() == 'o' && rest != "o") {
            m.ordinal = true;
            rest.pop_back();
        }
        if (!rest.empty() && (rest.back() == 'c') && rest.size() > 1)
            rest.pop_back();
        m.presentation = rest.empty() ? defaultPresentation(m.component) : rest;
        bool named = m.presentation[0] == 'N' || m.presentation[0] == 'n';
        if (named && std::string("MxFPCEZz").find(m.component) == std::string::npos)
            throwError("D3133", std::string("The component ") + m.component +
                                    " cannot be represented as a name");
        if (m.presentation.size() > 1 && m.presentation[0] == '#')
            m.presentation = m.presentation.substr(1);
        out.push_back(m);
        i = close;
    }
    if (!lit.empty())
        out.push_back(literalMarker(lit));
    return out;
}

std::string formatDateTime(double millis, const std::vector<PictureMarker> &picture,
                           std::optional<int> offset)
{
    // ECMAScript dates end 8.64e15 ms either side of 1970; beyond that the reference's Date is
    // invalid and it fails with JavaScript's RangeError, which carries no JSONata code.
    constexpr double kMaxTimeValue = 8.64e15;
    if (!(std::abs(millis) <= kMaxTimeValue))
        throwError("", "Invalid time value");
    int off = offset.value_or(0);
    DateParts p = civilFromMillis(millis + off * 60000.0);
    long long days = daysFromCivil(p.year, p.month, p.day);
    std::string out;
    for (const auto &m : picture) {
        if (m.literal) {
            out += m.text;
            continue;
        }
        bool names = m.presentation[0] == 'N' || m.presentation[0] == 'n';
        long long value = 0;
        switch (m.component) {
        case 'Y': value = p.year; break;
        case 'M': value = p.month; break;
        case 'D': value = p.day; break;
        case 'd': value = days - daysFromCivil(p.year, 1, 1) + 1; break;
        case 'F': value = isoWeekday(days); break;
        case 'W': value = isoWeek(days, p.year).second; break;
        case 'X': value = isoWeek(days, p.year).first; break;
        case 'w':
        case 'x': {
            auto monthWeekStart = [](long long y, int mo) {
                long long first = daysFromCivil(y, mo, 1);
                return first - (isoWeekday(first) - 1) + (isoWeekday(first) > 4 ? 7 : 0);
            };
            long long y = p.year;
            int mo = p.month;
            int ny = mo == 12 ? 1 : 0, nm = mo == 12 ? 1 : mo + 1;
            if (days >= monthWeekStart(y + ny, nm)) {
                y += ny;
                mo = nm;
            } else if (days < monthWeekStart(y, mo)) {
                y -= mo == 1 ? 1 : 0;
                mo = mo == 1 ? 12 : mo - 1;
            }
            value = m.component == 'x' ? mo : (days - monthWeekStart(y, mo)) / 7 + 1;
            break;
        }
        case 'H': value = p.hour; break;
        case 'h': value = p.hour % 12 == 0 ? 12 : p.hour % 12; break;
        case 'm': value = p.minute; break;
        case 's': value = p.second; break;
        case 'f': {
            char buf[8];
            std::snprintf(buf, sizeof buf, "%03d", p.millis);
            std::string digits = buf;
            auto want = static_cast<std::size_t>(std::max<int>(m.minWidth, static_cast<int>(m.presentation.size())));
            if (m.presentation == "1" && m.minWidth < 0)
                want = 1;
            while (digits.size() < want)
                digits += '0';
            out += digits.substr(0, std::max<std::size_t>(want, 1));
            continue;
        }
        case 'Z':
        case 'z': out += formatTimezone(m, off); continue;
        case 'P': out += applyCase(p.hour < 12 ? "am" : "pm", m.presentation, m.maxWidth); continue;
        case 'C':
        case 'E': out += applyCase("ISO", m.presentation, m.maxWidth); continue;
        default: break;
        }
        if (names && (m.component == 'M' || m.component == 'x')) {
            out += applyCase(kMonths[value - 1], m.presentation, m.maxWidth);
        } else if (names && m.component == 'F') {
            out += applyCase(kDays[value - 1], m.presentation, m.maxWidth);
        } else {
            out += formatNumberComponent(value, m);
        }
    }
    return out;
}

} // namespace stepwise::jsonata
