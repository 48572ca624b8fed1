// Reading and checking a bindings file (format in LocalBindings.h).
#include "core/engine/handlers/LocalBindings.h"

#include "core/engine/handlers/MockConfig.h"

#include <filesystem>

namespace stepwise::engine {
namespace {

using Error = BindingsError;

std::optional<Error> readCommand(const Json &value, const std::string &at, CommandBinding &out)
{
    if (!value.is_array() || value.empty())
        return Error{"Command must be a non-empty array of strings", at};
    for (const Json &item : value) {
        if (!item.is_string() || item.get<std::string>().empty())
            return Error{"Command must be a non-empty array of strings", at};
        out.command.push_back(item.get<std::string>());
    }
    return std::nullopt;
}

std::optional<Error> readEnv(const Json &value, const std::string &at, CommandBinding &out)
{
    if (!value.is_object())
        return Error{"Env must be an object of strings", at};
    for (const auto &[name, text] : value.items()) {
        if (!text.is_string() || name.empty() || name.find('=') != std::string::npos)
            return Error{"Env must map variable names to strings", at + "/" + pointerSegment(name)};
        out.env[name] = text.get<std::string>();
    }
    return std::nullopt;
}

std::optional<Error> readMember(const std::string &key, const Json &value, const std::string &at,
                                const std::string &base, CommandBinding &out)
{
    if (key == "Command")
        return readCommand(value, at, out);
    if (key == "Env")
        return readEnv(value, at, out);
    if (key == "Cwd") {
        if (!value.is_string())
            return Error{"Cwd must be a string", at};
        out.workingDirectory =
            (std::filesystem::path(base) / value.get<std::string>()).lexically_normal().string();
        return std::nullopt;
    }
    if (key == "TimeoutSeconds") {
        if (!value.is_number() || value.get<double>() <= 0)
            return Error{"TimeoutSeconds must be a positive number", at};
        out.timeoutSeconds = value.get<double>();
        return std::nullopt;
    }
    return Error{"unknown member '" + key + "' (expected Command, Cwd, Env, TimeoutSeconds)", at};
}

std::optional<Error> readBindings(const Json &section, const std::string &at,
                                  const std::string &base, std::map<std::string, CommandBinding> &out)
{
    if (!section.is_object())
        return Error{"must be an object of bindings", at};
    for (const auto &[name, value] : section.items()) {
        const std::string bindingAt = at + "/" + pointerSegment(name);
        if (!value.is_object() || !value.contains("Command"))
            return Error{"a binding must be an object with a Command", bindingAt};
        CommandBinding binding;
        for (const auto &[key, member] : value.items()) {
            if (auto error = readMember(key, member, bindingAt + "/" + key, base, binding))
                return error;
        }
        out[name] = std::move(binding);
    }
    return std::nullopt;
}

} // namespace

Result<LocalBindings, BindingsError> LocalBindings::fromJson(const Json &document,
                                                             const std::string &baseDirectory)
{
    if (!document.is_object())
        return unexpected(Error{"a bindings file must be a JSON object", ""});
    LocalBindings bindings;
    for (const auto &[key, section] : document.items()) {
        std::optional<Error> error;
        if (key == "Functions")
            error = readBindings(section, "/Functions", baseDirectory, bindings.functions);
        else if (key == "Resources")
            error = readBindings(section, "/Resources", baseDirectory, bindings.resources);
        else
            error = Error{"unknown member '" + key + "' (expected Functions, Resources)",
                          "/" + pointerSegment(key)};
        if (error)
            return unexpected(*error);
    }
    return bindings;
}

Result<LocalBindings, BindingsError> LocalBindings::parse(std::string_view text,
                                                          const std::string &baseDirectory)
{
    Json document = Json::parse(text.begin(), text.end(), nullptr, false);
    if (document.is_discarded())
        return unexpected(Error{"the bindings file is not valid JSON", ""});
    return fromJson(document, baseDirectory);
}

} // namespace stepwise::engine
