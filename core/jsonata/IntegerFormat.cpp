// Integer pictures (XPath F&O 3.1 §4.6.1 fn:format-integer; JSONata $formatInteger and
// $parseInteger): decimal digit patterns with grouping, roman numerals, letters and words.
#include "core/jsonata/IntegerFormat.h"

#include "core/jsonata/Functions.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

namespace stepwise::jsonata {

namespace {
const char *kFew[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                      "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                      "sixteen", "seventeen", "eighteen", "nineteen"};
const char *kFewOrd[] = {"zeroth", "first", "second", "third", "fourth", "fifth", "sixth",
                         "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
                         "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                         "eighteenth", "nineteenth"};
const char *kDecades[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                          "ninety"};
const char *kDecadesOrd[] = {"twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
                             "seventieth", "eightieth", "ninetieth"};
const char *kMagnitudes[] = {"thousand", "million", "billion", "trillion"};

std::string lookupWords(double num, bool prev, bool ord)
{
    std::string words;
    if (num <= 19) {
        auto n = static_cast<std::size_t>(num);
        words = std::string(prev ? " and " : "") + (ord ? kFewOrd[n] : kFew[n]);
    } else if (num < 100) {
        auto tens = static_cast<std::size_t>(num / 10);
        double rem = std::fmod(num, 10);
        words = std::string(prev ? " and " : "") + kDecades[tens - 2];
        if (rem > 0)
            words += "-" + lookupWords(rem, false, ord);
        else if (ord)
            words = std::string(prev ? " and " : "") + kDecadesOrd[tens - 2];
    } else if (num < 1000) {
        auto hundreds = static_cast<std::size_t>(num / 100);
        double rem = std::fmod(num, 100);
        words = std::string(prev ? ", " : "") + kFew[hundreds] + " hundred";
        if (rem > 0)
            words += lookupWords(rem, true, ord);
        else if (ord)
            words += "th";
    } else {
        auto mag = static_cast<int>(std::floor(std::log10(num) / 3));
        if (mag > 4)
            mag = 4;
        double factor = std::pow(10, mag * 3);
        double mant = std::floor(num / factor);
        double rem = num - mant * factor;
        words = std::string(prev ? ", " : "") + lookupWords(mant, false, false) + " " +
                kMagnitudes[mag - 1];
        if (rem > 0)
            words += lookupWords(rem, true, ord);
        else if (ord)
            words += "th";
    }
    return words;
}

const std::vector<std::pair<int, const char *>> kRoman = {
    {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"},
    {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}};

[[noreturn]] void fail(const char *code, const std::string &message)
{
    throwError(code, message);
}

std::string ordinalSuffix(long long n)
{
    long long lastTwo = n % 100, last = n % 10;
    if (lastTwo >= 11 && lastTwo <= 13)
        return "th";
    return last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";
}

std::string upper(std::string s)
{
    for (auto &c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

} // namespace

std::string numberToWords(double value, bool ordinal)
{
    return lookupWords(value, false, ordinal);
}

std::optional<double> wordsToNumber(const std::string &textIn)
{
    static const std::map<std::string, double> values = [] {
        std::map<std::string, double> m;
        for (int i = 0; i < 20; ++i) {
            m[kFew[i]] = i;
            m[kFewOrd[i]] = i;
        }
        for (int i = 0; i < 8; ++i) {
            m[kDecades[i]] = (i + 2) * 10;
            m[kDecadesOrd[i]] = (i + 2) * 10;
        }
        m["hundred"] = m["hundredth"] = 100;
        m["thousand"] = m["thousandth"] = 1e3;
        m["million"] = m["millionth"] = 1e6;
        m["billion"] = m["billionth"] = 1e9;
        m["trillion"] = m["trillionth"] = 1e12;
        return m;
    }();
    std::string text;
    for (char c : textIn)
        text += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::vector<std::string> parts;
    std::string cur;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        char c = i < text.size() ? text[i] : ' ';
        if (c == ' ' || c == '-' || c == ',') {
            if (!cur.empty() && cur != "and")
                parts.push_back(cur);
            cur.clear();
        } else {
            cur += c;
        }
    }
    std::vector<double> segs{0};
    for (const auto &p : parts) {
        auto it = values.find(p);
        if (it == values.end())
            return std::nullopt;
        double v = it->second;
        if (v < 100) {
            double top = segs.back();
            segs.pop_back();
            if (top >= 1000) {
                segs.push_back(top);
                top = 0;
            }
            segs.push_back(top + v);
        } else {
            segs.back() *= v;
        }
    }
    double sum = 0;
    for (double s : segs)
        sum += s;
    return sum;
}

std::string toRoman(long long value)
{
    std::string out;
    for (const auto &[n, s] : kRoman)
        while (value >= n) {
            out += s;
            value -= n;
        }
    return out;
}

long long fromRoman(const std::string &text)
{
    long long total = 0;
    std::size_t i = 0;
    std::string s;
    for (char c : text)
        s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto &[n, r] : kRoman) {
        std::string sym(r);
        while (s.compare(i, sym.size(), sym) == 0) {
            total += n;
            i += sym.size();
        }
    }
    return total;
}

std::string toLetters(long long value, char base)
{
    std::string out;
    while (value > 0) {
        --value;
        out.insert(out.begin(), static_cast<char>(base + value % 26));
        value /= 26;
    }
    return out;
}

// In doubles, as the reference computes: a long run of letters gives a huge number, never an
// overflow.
double fromLetters(const std::string &text, char base)
{
    double v = 0;
    for (char c : text)
        v = v * 26 + (c - base + 1);
    return v;
}

char32_t zeroDigitOf(char32_t c)
{
    static const char32_t zeros[] = {0x30,   0x660,  0x6F0,  0x7C0,  0x966,  0x9E6,  0xA66,
                                     0xAE6,  0xB66,  0xBE6,  0xC66,  0xCE6,  0xD66,  0xDE6,
                                     0xE50,  0xED0,  0xF20,  0x1040, 0x1090, 0x17E0, 0x1810,
                                     0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40,
                                     0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50,
                                     0xABF0, 0xFF10};
    for (char32_t z : zeros)
        if (c >= z && c <= z + 9)
            return z;
    return 0;
}

IntegerPicture analyseIntegerPicture(const std::u32string &picture)
{
    IntegerPicture pic;
    std::u32string primary = picture;
    auto semi = picture.rfind(U';');
    if (semi != std::u32string::npos) {
        primary = picture.substr(0, semi);
        std::u32string mods = picture.substr(semi + 1);
        pic.ordinal = !mods.empty() && mods[0] == U'o';
    }
    if (primary == U"A" || primary == U"a") {
        pic.kind = IntegerPicture::Kind::Letters;
        pic.upper = primary == U"A";
    } else if (primary == U"I" || primary == U"i") {
        pic.kind = IntegerPicture::Kind::Roman;
        pic.upper = primary == U"I";
    } else if (primary == U"W" || primary == U"w" || primary == U"Ww") {
        pic.kind = IntegerPicture::Kind::Words;
        pic.upper = primary == U"W";
        pic.title = primary == U"Ww";
    } else {
        pic.kind = IntegerPicture::Kind::Decimal;
        pic.primary = primary;
        char32_t zero = 0;
        int mandatory = 0;
        bool anyDigit = false;
        for (char32_t c : primary) {
            char32_t z = zeroDigitOf(c);
            if (z) {
                if (zero && z != zero)
                    fail("D3131", "Decimal digits in a picture string must all be from the same "
                                  "decimal digit family");
                zero = z;
                ++mandatory;
                anyDigit = true;
            } else if (c == U'#') {
                anyDigit = true;
            }
        }
        if (!anyDigit || mandatory == 0)
            fail("D3130", "Format picture must contain at least one digit");
        pic.zero = zero ? zero : U'0';
        pic.mandatoryDigits = mandatory;
    }
    return pic;
}

static std::string formatDecimal(double value, const IntegerPicture &pic)
{
    std::u32string digits = toU32(formatJsNumber(std::floor(std::fabs(value))));
    if (digits.find(U'e') != std::u32string::npos) {
        char buf[400];
        std::snprintf(buf, sizeof buf, "%.0f", std::floor(std::fabs(value)));
        digits = toU32(buf);
    }
    while (static_cast<int>(digits.size()) < pic.mandatoryDigits)
        digits.insert(digits.begin(), U'0');
    for (auto &d : digits)
        d = pic.zero + (d - U'0');
    // Grouping separators: positions counted from the right of the picture.
    std::vector<std::pair<std::size_t, char32_t>> seps;
    std::size_t count = 0;
    for (auto it = pic.primary.rbegin(); it != pic.primary.rend(); ++it) {
        if (zeroDigitOf(*it) || *it == U'#')
            ++count;
        else
            seps.emplace_back(count, *it);
    }
    // A separator at position 0 (a picture such as "-[M01]...") cannot repeat: treating it as
    // regular divided by zero (found by fuzz_jsonata).
    bool regular = !seps.empty() && seps[0].first > 0;
    for (std::size_t i = 0; i < seps.size(); ++i)
        if (seps[i].first != seps[0].first * (i + 1) || seps[i].second != seps[0].second)
            regular = false;
    std::u32string out;
    std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        std::size_t fromRight = n - i;
        out += digits[i];
        std::size_t pos = fromRight - 1;
        if (pos == 0)
            continue;
        if (regular && pos % seps[0].first == 0)
            out += seps[0].second;
        else if (!regular)
            for (const auto &s : seps)
                if (s.first == pos)
                    out += s.second;
    }
    std::string result = fromU32(out);
    if (pic.ordinal)
        result += ordinalSuffix(static_cast<long long>(std::fmod(std::floor(std::fabs(value)), 100)));
    return result;
}

std::string formatInteger(double value, const IntegerPicture &pic)
{
    std::string sign = value < 0 ? "-" : "";
    double v = std::floor(std::fabs(value));
    switch (pic.kind) {
    case IntegerPicture::Kind::Letters:
        return sign + toLetters(static_cast<long long>(v), pic.upper ? 'A' : 'a');
    case IntegerPicture::Kind::Roman: {
        std::string r = toRoman(static_cast<long long>(v));
        return sign + (pic.upper ? upper(r) : r);
    }
    case IntegerPicture::Kind::Words: {
        std::string w = numberToWords(v, pic.ordinal);
        if (pic.upper)
            return sign + upper(w);
        if (pic.title) {
            bool start = true;
            for (std::size_t i = 0; i < w.size(); ++i) {
                if (start && w[i] >= 'a' && w[i] <= 'z' && w.compare(i, 4, "and ") != 0)
                    w[i] = static_cast<char>(w[i] - 32);
                start = w[i] == ' ' || w[i] == '-';
            }
        }
        return sign + w;
    }
    default: return sign + formatDecimal(value, pic);
    }
}

std::optional<double> parseInteger(const std::string &text, const IntegerPicture &pic)
{
    switch (pic.kind) {
    case IntegerPicture::Kind::Letters:
        return fromLetters(text, pic.upper ? 'A' : 'a');
    case IntegerPicture::Kind::Roman: return static_cast<double>(fromRoman(text));
    case IntegerPicture::Kind::Words: return wordsToNumber(text);
    default: break;
    }
    double v = 0;
    bool any = false;
    for (char32_t c : toU32(text)) {
        char32_t z = zeroDigitOf(c);
        if (z) {
            v = v * 10 + static_cast<double>(c - z);
            any = true;
        } else if (c >= U'a' && c <= U'z' && any) {
            break; // ordinal suffix
        }
    }
    return any ? std::optional<double>(v) : std::nullopt;
}

} // namespace stepwise::jsonata
