#pragma once
// Date/time pictures (XPath F&O 3.1 §9.8 fn:format-dateTime, as used by JSONata's
// $fromMillis/$toMillis).
#include <optional>
#include <string>
#include <vector>

namespace stepwise::jsonata {

struct DateParts
{
    long long year = 1970;
    int month = 1, day = 1, hour = 0, minute = 0, second = 0, millis = 0;
};

long long daysFromCivil(long long y, int m, int d);
DateParts civilFromMillis(double millis);

struct PictureMarker
{
    bool literal = true;
    std::string text;         // literal text
    char component = 0;       // Y M D d F W w X x H h P m s f Z z C E
    std::string presentation; // e.g. "01", "Nn", "w", "I"
    bool ordinal = false;
    bool zuluT = false;
    int minWidth = -1, maxWidth = -1;
    int impliedMax = -1; // a single width value ",n"
};

// Throws EvalError D3132/D3135 for invalid pictures.
std::vector<PictureMarker> parseDatePicture(const std::string &picture);
// offsetMinutes: the timezone offset to present the time in.
std::string formatDateTime(double millis, const std::vector<PictureMarker> &picture,
                           std::optional<int> offsetMinutes);
std::optional<double> parseDateTime(const std::string &text,
                                    const std::vector<PictureMarker> &picture);

} // namespace stepwise::jsonata
