#pragma once
// The bindings file of LocalCommandHandler: which local program answers which Task resource.
//
// {
//   "Functions": { "<Lambda function name>": <binding> },   // plain Lambda ARNs, lambda:invoke
//   "Resources": { "<Resource ARN as written>": <binding> }
// }
// <binding> = { "Command": ["program", "arg", ...],         // required, run without a shell
//               "Cwd": "dir",                               // optional, relative to the file
//               "Env": { "NAME": "value" },                 // optional, added to the environment
//               "TimeoutSeconds": 30 }                      // optional real-time limit
#include "core/common/Json.h"
#include "core/common/Result.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stepwise::engine {

struct CommandBinding
{
    std::vector<std::string> command;
    std::string workingDirectory; // absolute, or "" for the caller's
    std::map<std::string, std::string> env;
    std::optional<double> timeoutSeconds;
};

struct BindingsError
{
    std::string message;
    std::string pointer;
};

struct LocalBindings
{
    std::map<std::string, CommandBinding> functions;
    std::map<std::string, CommandBinding> resources;

    // `baseDirectory` resolves relative Cwd values (the bindings file's folder).
    static Result<LocalBindings, BindingsError> fromJson(const Json &document,
                                                         const std::string &baseDirectory);
    static Result<LocalBindings, BindingsError> parse(std::string_view text,
                                                      const std::string &baseDirectory);
};

} // namespace stepwise::engine
