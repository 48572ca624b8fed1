// posix_spawn-based child process with pipes and a real-time deadline.
#include "core/engine/handlers/ProcessRunner.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace stepwise::engine {
namespace {

using Clock = std::chrono::steady_clock;

struct Pipe
{
    int read = -1;
    int write = -1;
};

void closeFd(int &fd)
{
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

bool openPipe(Pipe &pipe)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return false;
    pipe.read = fds[0];
    pipe.write = fds[1];
    return true;
}

// The caller's environment with the spec's variables added or replaced.
std::vector<std::string> mergedEnvironment(const std::map<std::string, std::string> &extra)
{
    std::vector<std::string> merged;
    for (char **entry = environ; entry && *entry; ++entry) {
        const std::string text = *entry;
        const std::string name = text.substr(0, text.find('='));
        if (!extra.count(name))
            merged.push_back(text);
    }
    for (const auto &[name, value] : extra)
        merged.push_back(name + "=" + value);
    return merged;
}

std::vector<char *> pointers(std::vector<std::string> &strings)
{
    std::vector<char *> out;
    for (std::string &text : strings)
        out.push_back(text.data());
    out.push_back(nullptr);
    return out;
}

// Writes to the child's stdin without SIGPIPE whatever handler the process installed (QtTest's
// aborts): SIGPIPE is blocked in this thread for the write and a pending one is consumed, so a
// child that exits without reading its input only gives EPIPE.
ssize_t writeWithoutSigpipe(int fd, const char *data, std::size_t size)
{
    sigset_t pipeOnly;
    sigset_t previous;
    sigemptyset(&pipeOnly);
    sigaddset(&pipeOnly, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipeOnly, &previous);
    const ssize_t n = ::write(fd, data, size);
    const int writeErrno = errno;
    if (n < 0 && writeErrno == EPIPE) {
        const timespec noWait{0, 0};
        while (sigtimedwait(&pipeOnly, nullptr, &noWait) > 0) {
        }
    }
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    errno = writeErrno;
    return n;
}

int spawnChild(const ProcessSpec &spec, Pipe &in, Pipe &out, Pipe &err, pid_t &pid)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in.read, STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out.write, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err.write, STDERR_FILENO);
    if (!spec.workingDirectory.empty())
        posix_spawn_file_actions_addchdir_np(&actions, spec.workingDirectory.c_str());
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
    std::vector<std::string> argv = spec.argv;
    std::vector<std::string> env = mergedEnvironment(spec.env);
    auto argvPointers = pointers(argv);
    auto envPointers = pointers(env);
    const int code = ::posix_spawnp(&pid, argvPointers[0], &actions, &attributes,
                                    argvPointers.data(), envPointers.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    return code;
}

constexpr int CancelPollMs = 50;

bool isCancelled(const ProcessSpec &spec)
{
    return spec.cancel && spec.cancel->load(std::memory_order_relaxed);
}

// Feeds stdin and drains stdout/stderr until both close (true), or false when the deadline
// passes, the caller cancels or stdout grows past the limit (result.outputExceeded and
// result.cancelled tell which).
bool pump(const ProcessSpec &spec, Pipe &in, Pipe &out, Pipe &err, ProcessResult &result)
{
    const auto deadline =
        spec.timeoutSeconds ? std::optional(Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                std::chrono::duration<double>(*spec.timeoutSeconds)))
                            : std::nullopt;
    std::size_t written = 0;
    if (spec.stdinText.empty())
        closeFd(in.write);
    char buffer[65536];
    while (out.read >= 0 || err.read >= 0) {
        int waitMs = -1;
        if (deadline) {
            const auto left = std::chrono::ceil<std::chrono::milliseconds>(*deadline - Clock::now());
            if (left.count() <= 0)
                return false;
            waitMs = static_cast<int>(left.count());
        }
        if (isCancelled(spec)) {
            result.cancelled = true;
            return false;
        }
        if (spec.cancel && (waitMs < 0 || waitMs > CancelPollMs))
            waitMs = CancelPollMs;
        pollfd fds[3] = {{in.write, POLLOUT, 0}, {out.read, POLLIN, 0}, {err.read, POLLIN, 0}};
        if (::poll(fds, 3, waitMs) < 0 && errno != EINTR)
            return true;
        if (in.write >= 0 && (fds[0].revents & (POLLOUT | POLLERR | POLLHUP))) {
            const ssize_t n = writeWithoutSigpipe(in.write, spec.stdinText.data() + written,
                                                  spec.stdinText.size() - written);
            if (n > 0)
                written += static_cast<std::size_t>(n);
            if (n < 0 || written == spec.stdinText.size())
                closeFd(in.write);
        }
        for (int i = 1; i < 3; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                std::string &stream = i == 1 ? result.out : result.err;
                stream.append(buffer, static_cast<std::size_t>(n));
                if (i == 1 && stream.size() > spec.maxOutputBytes) {
                    result.outputExceeded = true;
                    return false;
                }
                if (i == 2 && stream.size() > 2 * spec.maxOutputBytes)
                    stream.erase(0, stream.size() - spec.maxOutputBytes); // keep the tail
            } else if (n == 0 || errno != EINTR)
                closeFd(i == 1 ? out.read : err.read);
        }
    }
    return true;
}

} // namespace

ProcessResult runProcess(const ProcessSpec &spec)
{
    ProcessResult result;
    if (spec.argv.empty() || spec.argv[0].empty()) {
        result.startError = "no program given";
        return result;
    }
    Pipe in, out, err;
    if (!openPipe(in) || !openPipe(out) || !openPipe(err)) {
        result.startError = std::string("cannot create pipes: ") + std::strerror(errno);
        for (Pipe *pipe : {&in, &out, &err}) {
            closeFd(pipe->read);
            closeFd(pipe->write);
        }
        return result;
    }
    pid_t pid = 0;
    const int code = spawnChild(spec, in, out, err, pid);
    closeFd(in.read);
    closeFd(out.write);
    closeFd(err.write);
    if (code != 0) {
        result.startError = "cannot run '" + spec.argv[0] + "': " + std::strerror(code);
        for (int *fd : {&in.write, &out.read, &err.read})
            closeFd(*fd);
        return result;
    }
    result.started = true;
    if (!pump(spec, in, out, err, result)) {
        result.timedOut = !result.outputExceeded && !result.cancelled;
        ::kill(-pid, SIGKILL);
    }
    for (int *fd : {&in.write, &out.read, &err.read})
        closeFd(*fd);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status))
        result.exitCode = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        result.signal = WTERMSIG(status);
    return result;
}

} // namespace stepwise::engine
