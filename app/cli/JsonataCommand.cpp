// stepwise-cli jsonata: evaluate a JSONata expression against an input document.
#include "app/cli/CliSupport.h"
#include "app/cli/Commands.h"
#include "core/jsonata/Jsonata.h"

#include <iostream>

namespace stepwise::cli {

namespace {

constexpr const char *kUsage =
    "Usage: stepwise-cli jsonata (EXPR | --expr-file FILE) [--input FILE] [--bindings FILE]\n\n"
    "Evaluates a JSONata expression (the AWS Step Functions dialect, including $partition,\n"
    "$range, $hash, $random, $uuid and $parse) and prints the result as JSON, or\n"
    "{\"undefined\": true} when there is none. Errors print CODE: message on stderr (exit 1).\n"
    "  --input FILE      JSON input document (\"-\" for standard input)\n"
    "  --bindings FILE   JSON object of variables, e.g. {\"x\": 1} binds $x\n";

struct Options
{
    std::optional<std::string> expr, exprFile, input, bindings;
};

std::optional<Json> readJsonFile(const std::string &path, const char *what, int &status)
{
    std::string error;
    auto text = readFile(path, error);
    if (!text) {
        status = usageError("jsonata", error);
        return std::nullopt;
    }
    try {
        return Json::parse(*text);
    } catch (const Json::exception &e) {
        status = usageError("jsonata", std::string("invalid JSON in ") + what + ": " + e.what());
        return std::nullopt;
    }
}

// "CODE: message"; an error without a code (a JavaScript error in the reference, such as an
// invalid date) reads "Error: message".
std::string errorLine(const jsonata::Error &error)
{
    return (error.code.empty() ? std::string("Error") : error.code) + ": " + error.message;
}

} // namespace

int jsonataCommand(const Args &args)
{
    Options opt;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (isHelpFlag(a)) {
            std::cout << kUsage;
            return 0;
        }
        bool takesValue = a == "--expr-file" || a == "--input" || a == "--bindings";
        if (takesValue && i + 1 >= args.size())
            return usageError("jsonata", a + " needs a value");
        if (a == "--expr-file")
            opt.exprFile = args[++i];
        else if (a == "--input")
            opt.input = args[++i];
        else if (a == "--bindings")
            opt.bindings = args[++i];
        else if (a.rfind("--", 0) == 0 || opt.expr)
            return usageError("jsonata", "unexpected argument '" + a + "'");
        else
            opt.expr = a;
    }
    if (opt.expr.has_value() == opt.exprFile.has_value())
        return usageError("jsonata", "give exactly one of EXPR or --expr-file FILE");
    std::string text = opt.expr.value_or("");
    if (opt.exprFile) {
        std::string error;
        auto content = readFile(*opt.exprFile, error);
        if (!content)
            return usageError("jsonata", error);
        text = *content;
    }
    int status = 0;
    std::optional<Json> input;
    if (opt.input && !(input = readJsonFile(*opt.input, "--input", status)))
        return status;
    jsonata::Bindings bindings;
    jsonata::addAwsFunctions(bindings);
    if (opt.bindings) {
        auto vars = readJsonFile(*opt.bindings, "--bindings", status);
        if (!vars)
            return status;
        if (!vars->is_object())
            return usageError("jsonata", "--bindings must hold a JSON object");
        for (auto it = vars->begin(); it != vars->end(); ++it)
            bindings.variables[it.key()] = it.value();
    }
    auto compiled = jsonata::Expression::compile(text);
    if (!compiled) {
        std::cerr << errorLine(compiled.error()) << "\n";
        return 1;
    }
    auto result = jsonata::evaluate(compiled.value(), input, bindings);
    if (!result) {
        std::cerr << errorLine(result.error()) << "\n";
        return 1;
    }
    // An expression file is raw bytes, so a string in the result may not be UTF-8: show such
    // bytes as U+FFFD rather than fail to print.
    const Json shown = result.value() ? *result.value() : Json{{"undefined", true}};
    std::cout << shown.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    return 0;
}

} // namespace stepwise::cli
