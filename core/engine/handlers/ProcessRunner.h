#pragma once
// Runs a program directly (posix_spawn, no shell): text to its stdin, its stdout and stderr
// collected, killed when a real-time limit passes or the caller cancels.
#include <atomic>
#include <map>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace stepwise::engine {

struct ProcessSpec
{
    std::vector<std::string> argv;             // argv[0] is looked up in PATH unless it has a '/'
    std::string workingDirectory;              // "" = the caller's
    std::map<std::string, std::string> env;    // added to (or replacing in) the caller's environment
    std::string stdinText;
    std::optional<double> timeoutSeconds;      // real time; the process group is killed after it
    // stdout beyond this stops the program (its process group is killed): a runaway printer must
    // not fill memory. stderr keeps only its last `maxOutputBytes`.
    std::size_t maxOutputBytes = 16 * 1024 * 1024;
    // Set from another thread to stop the program at once (its process group is killed): a
    // debugger's Stop must not wait for a slow program (issue 5). Checked every 50 ms.
    const std::atomic<bool> *cancel = nullptr;
};

struct ProcessResult
{
    bool started = false;
    std::string startError;   // why the program could not be started
    bool timedOut = false;
    bool outputExceeded = false; // stdout passed maxOutputBytes; the program was killed
    bool cancelled = false;      // spec.cancel was set; the program was killed
    int exitCode = -1;        // when it exited normally
    int signal = 0;           // when a signal ended it
    std::string out;
    std::string err;
};

ProcessResult runProcess(const ProcessSpec &spec);

} // namespace stepwise::engine
