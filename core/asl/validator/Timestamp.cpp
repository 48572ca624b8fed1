// RFC 3339 timestamps as AWS checks them at create time (ASL spec §8.1):
// YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm), uppercase T, zone mandatory, valid calendar values.
#include "core/asl/validator/ValidationContext.h"

namespace stepwise::asl::validator {
namespace {

bool readDigits(std::string_view text, std::size_t &pos, std::size_t count, int &value)
{
    value = 0;
    for (std::size_t i = 0; i < count; ++i, ++pos) {
        if (pos >= text.size() || text[pos] < '0' || text[pos] > '9')
            return false;
        value = value * 10 + (text[pos] - '0');
    }
    return true;
}

bool expect(std::string_view text, std::size_t &pos, char c)
{
    if (pos >= text.size() || text[pos] != c)
        return false;
    ++pos;
    return true;
}

int daysInMonth(int year, int month)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

bool readZone(std::string_view text, std::size_t &pos)
{
    if (pos < text.size() && text[pos] == 'Z')
        return ++pos == text.size();
    if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-'))
        return false;
    ++pos;
    int hours = 0;
    int minutes = 0;
    return readDigits(text, pos, 2, hours) && expect(text, pos, ':') &&
           readDigits(text, pos, 2, minutes) && hours <= 23 && minutes <= 59 && pos == text.size();
}

} // namespace

bool isRfc3339Timestamp(std::string_view text)
{
    std::size_t pos = 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!readDigits(text, pos, 4, year) || !expect(text, pos, '-') ||
        !readDigits(text, pos, 2, month) || !expect(text, pos, '-') ||
        !readDigits(text, pos, 2, day) || !expect(text, pos, 'T') ||
        !readDigits(text, pos, 2, hour) || !expect(text, pos, ':') ||
        !readDigits(text, pos, 2, minute) || !expect(text, pos, ':') ||
        !readDigits(text, pos, 2, second))
        return false;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 ||
        minute > 59 || second > 60)
        return false;
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        const std::size_t start = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9')
            ++pos;
        if (pos == start)
            return false;
    }
    return readZone(text, pos);
}

} // namespace stepwise::asl::validator
