#pragma once
// The time source of one execution (ASL spec §8): a virtual clock jumps forward instantly, a real
// clock actually waits. Times are milliseconds since the Unix epoch.
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

namespace stepwise::engine {

enum class ClockMode { Virtual, Real };

class Clock
{
public:
    virtual ~Clock() = default;
    virtual std::int64_t nowMs() const = 0;
    // Returns once nowMs() >= timeMs, or early while interrupted.
    virtual void waitUntil(std::int64_t timeMs) = 0;
    // Thread-safe: while on, waits return at once (a debugger pauses or stops a run driven on
    // another thread, issue 5). A virtual clock never blocks, so it has nothing to interrupt.
    virtual void setInterrupted(bool /*on*/) {}
};

// Starts at a fixed instant; waiting moves time forward without sleeping.
class VirtualClock final : public Clock
{
public:
    explicit VirtualClock(std::int64_t startMs) : m_now(startMs) {}
    std::int64_t nowMs() const override { return m_now; }
    void waitUntil(std::int64_t timeMs) override
    {
        if (timeMs > m_now)
            m_now = timeMs;
    }

private:
    std::int64_t m_now;
};

// Wall-clock time; waiting sleeps until the time comes or the wait is interrupted.
class RealClock final : public Clock
{
public:
    std::int64_t nowMs() const override;
    void waitUntil(std::int64_t timeMs) override;
    void setInterrupted(bool on) override;

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_interrupted = false;
};

// ISO-8601 UTC with millisecond precision and trailing fraction zeros dropped, as AWS prints
// `$$.Execution.StartTime` (spec §2.5): 2024-01-01T00:00:00Z, 2024-01-01T00:00:00.12Z.
std::string formatIsoTime(std::int64_t timeMs);

} // namespace stepwise::engine
