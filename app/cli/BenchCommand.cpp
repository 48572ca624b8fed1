// stepwise-cli bench: the same execution N times in one process; times the runs only.
#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"
#include "app/cli/RunSetup.h"
#include "core/engine/MachinePlan.h"

#include <algorithm>
#include <chrono>
#include <iostream>
#include <sys/resource.h>
#include <time.h>

namespace stepwise::cli {
namespace {

constexpr const char *kHelp =
    "Usage: stepwise-cli bench FILE [--input F] [--repeat N] [--type STANDARD|EXPRESS]\n"
    "                          [--mock-config F --test-case NAME [--state-machine NAME] |\n"
    "                           --handlers F]\n\n"
    "Runs the execution N times (default 10) in one process, timing the executions only (not\n"
    "reading or parsing), and prints\n"
    "{\"median_ms\":..,\"min_ms\":..,\"median_cpu_ms\":..,\"transitions\":..,\"events\":..,\n"
    "\"peak_rss_mb\":..}. median_cpu_ms is CPU time, which a busy machine distorts less.\n\n"
    "Exit status: 0 when the executions succeeded, 1 when they did not, 2 for a definition or\n"
    "input AWS would refuse, or a wrong call.\n";

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

// CPU time of this process, in ms: unlike wall time it does not grow while other processes run.
double cpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1.0e6;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
}

double rounded(double value)
{
    return static_cast<double>(static_cast<long long>(value * 1000.0 + 0.5)) / 1000.0;
}

int benchFailure(const std::string &message)
{
    std::cerr << "stepwise-cli bench: " << message << "\n";
    return 2;
}

} // namespace

int benchCommand(const Args &args)
{
    auto parsed = parseRunOptions(args, RunFlavour::Bench, kHelp);
    if (const int *code = std::get_if<int>(&parsed))
        return *code;
    const RunOptions &options = std::get<RunOptions>(parsed);
    auto prepared = prepareRun(options);
    if (const auto *rejection = std::get_if<Rejection>(&prepared)) {
        std::cout << rejectionJson(*rejection).dump() << "\n";
        return 2;
    }
    if (const auto *error = std::get_if<SetupError>(&prepared))
        return benchFailure(error->message);
    const PreparedRun &run = std::get<PreparedRun>(prepared);

    std::vector<double> times;
    std::vector<double> cpuTimes;
    std::size_t transitions = 0;
    std::size_t events = 0;
    bool succeeded = true;
    // Prepared once, as the peer builds its StateMachine once and runs it N times.
    const auto plan = std::make_shared<const engine::MachinePlan>(run.machine);
    for (int i = 0; i < options.repeat; ++i) {
        auto handlers = makeHandlers(options, run.options.stateMachineName);
        if (const auto *error = std::get_if<SetupError>(&handlers))
            return benchFailure(error->message);
        engine::ExecutionOptions executionOptions = run.options;
        executionOptions.handlers = std::move(std::get<0>(handlers));
        engine::Execution execution(plan, run.input, std::move(executionOptions));
        const double cpuStart = cpuMs();
        const auto start = std::chrono::steady_clock::now();
        execution.runToEnd();
        const std::chrono::duration<double, std::milli> elapsed =
            std::chrono::steady_clock::now() - start;
        times.push_back(elapsed.count());
        cpuTimes.push_back(cpuMs() - cpuStart);
        transitions = execution.transitionCount();
        events = execution.history().size();
        succeeded = succeeded && execution.status() == engine::ExecutionStatus::Succeeded;
    }
    Json out = Json::object();
    out["median_ms"] = rounded(median(times));
    out["min_ms"] = rounded(*std::min_element(times.begin(), times.end()));
    out["median_cpu_ms"] = rounded(median(cpuTimes));
    out["transitions"] = transitions;
    out["events"] = events;
    out["peak_rss_mb"] = rounded(peakRssMb());
    std::cout << out.dump() << "\n";
    return succeeded ? 0 : 1;
}

} // namespace stepwise::cli
