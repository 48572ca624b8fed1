#pragma once
// RFC 3339 timestamps as ASL uses them (spec §6.2 Timestamp operators, §8.1 Wait):
// YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm), uppercase T, zone mandatory.
#include <compare>
#include <cstdint>
#include <optional>
#include <string_view>

namespace stepwise::engine {

struct Instant
{
    std::int64_t seconds = 0; // since the Unix epoch, UTC
    std::int64_t nanos = 0;   // 0..999 999 999

    auto operator<=>(const Instant &) const = default;
    std::int64_t toMs() const { return seconds * 1000 + nanos / 1000000; }
};

std::optional<Instant> parseTimestamp(std::string_view text);

// Days since 1970-01-01 for a proleptic Gregorian date.
std::int64_t daysFromCivil(std::int64_t year, unsigned month, unsigned day);

} // namespace stepwise::engine
