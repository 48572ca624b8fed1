#pragma once
// How far a run has got, for the Execution panel's progress line.
#include <cstddef>
#include <cstdint>

namespace stepwise::ui {

struct RunProgress
{
    std::size_t events = 0;
    std::size_t mapIterationsDone = 0;  // MapIteration{Succeeded,Failed,Aborted} so far
    std::size_t mapIterationsTotal = 0; // sum of MapStateStarted lengths
    std::int64_t virtualElapsedMs = 0;  // last event's timestamp - first event's
    std::int64_t realElapsedMs = 0;     // wall time spent running
};

} // namespace stepwise::ui
