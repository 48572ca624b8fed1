// Clocks and AWS-style time formatting (ASL spec §2.5, §8).
#include "core/engine/Clock.h"

#include <chrono>
#include <cstdio>

namespace stepwise::engine {

std::int64_t RealClock::nowMs() const
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

void RealClock::waitUntil(std::int64_t timeMs)
{
    std::unique_lock lock(m_mutex);
    // The deadline is on the system clock (event timestamps are), so it is re-read after each
    // wake-up rather than converted once to a steady-clock point.
    while (!m_interrupted) {
        const std::int64_t delay = timeMs - nowMs();
        if (delay <= 0)
            return;
        m_wake.wait_for(lock, std::chrono::milliseconds(delay));
    }
}

void RealClock::setInterrupted(bool on)
{
    {
        std::lock_guard lock(m_mutex);
        m_interrupted = on;
    }
    m_wake.notify_all();
}

std::string formatIsoTime(std::int64_t timeMs)
{
    std::int64_t days = timeMs / 86400000;
    std::int64_t rest = timeMs % 86400000;
    if (rest < 0) {
        rest += 86400000;
        --days;
    }
    // civil_from_days (Howard Hinnant's algorithm).
    const std::int64_t z = days + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld",
                  static_cast<long long>(year), static_cast<long long>(month),
                  static_cast<long long>(day), static_cast<long long>(rest / 3600000),
                  static_cast<long long>(rest / 60000 % 60),
                  static_cast<long long>(rest / 1000 % 60));
    std::string text = buffer;
    if (const std::int64_t millis = rest % 1000; millis != 0) {
        std::snprintf(buffer, sizeof buffer, ".%03lld", static_cast<long long>(millis));
        std::string fraction = buffer;
        while (fraction.back() == '0')
            fraction.pop_back();
        text += fraction;
    }
    return text + "Z";
}

} // namespace stepwise::engine
