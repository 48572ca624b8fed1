// Public entry points of the validator (ASL spec §1.9): validate a JSON document or a text,
// and render AWS's CreateStateMachine message.
#include "core/asl/Validator.h"

#include "core/asl/validator/TextParsing.h"
#include "core/asl/validator/ValidationContext.h"

namespace stepwise::asl {
namespace {

bool isIndexToken(const std::string &token)
{
    if (token.empty())
        return false;
    for (char c : token)
        if (c < '0' || c > '9')
            return false;
    return true;
}

std::string unescapeToken(const std::string &token)
{
    std::string result;
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size()) {
            result += token[i + 1] == '1' ? '/' : '~';
            ++i;
        } else {
            result += token[i];
        }
    }
    return result;
}

} // namespace

std::vector<Diagnostic> validate(const Json &definition, const ValidationOptions &options)
{
    validator::ValidationContext ctx(options);
    try {
        validator::checkMachine(ctx, definition, "", 0, true);
    } catch (const std::exception &error) {
        ctx.error("", std::string("Internal validation failure: ") + error.what());
    }
    return ctx.takeDiagnostics();
}

std::vector<Diagnostic> validateText(std::string_view text, const ValidationOptions &options)
{
    if (text.empty())
        return {{Severity::Error, "MISSING_DESCRIPTION", "", "Definition must not be empty", 0, 0}};
    validator::TextParseResult parsed = validator::parseDefinitionText(text);
    std::vector<Diagnostic> diagnostics = std::move(parsed.diagnostics);
    if (parsed.document) {
        std::vector<Diagnostic> found = validate(*parsed.document, options);
        diagnostics.insert(diagnostics.end(), std::make_move_iterator(found.begin()),
                           std::make_move_iterator(found.end()));
    }
    return diagnostics;
}

std::optional<std::string> awsLocation(const Diagnostic &diagnostic)
{
    if (diagnostic.code == "INVALID_JSON_DESCRIPTION") {
        const std::size_t at = diagnostic.message.rfind("\n at [Source: ");
        if (at == std::string::npos)
            return std::nullopt;
        return diagnostic.message.substr(at + 5);
    }
    if (diagnostic.code == "MISSING_DESCRIPTION" ||
        (diagnostic.path.empty() && diagnostic.message == "Definition must be a valid JSON object"))
        return std::nullopt;
    if (diagnostic.path.empty())
        return std::string("/");
    std::string location;
    std::string previous;
    std::size_t start = 1;
    while (start <= diagnostic.path.size()) {
        std::size_t end = diagnostic.path.find('/', start);
        if (end == std::string::npos)
            end = diagnostic.path.size();
        const std::string token = unescapeToken(diagnostic.path.substr(start, end - start));
        if (isIndexToken(token) && !previous.empty() && previous != "States")
            location += "[" + token + "]";
        else
            location += "/" + token;
        previous = token;
        start = end + 1;
    }
    return location;
}

std::string invalidDefinitionMessage(const std::vector<Diagnostic> &diagnostics)
{
    std::string joined;
    for (const Diagnostic &diagnostic : diagnostics) {
        if (diagnostic.severity != Severity::Error)
            continue;
        if (!joined.empty())
            joined += ", ";
        joined += diagnostic.code + ": " + diagnostic.message;
        if (auto location = awsLocation(diagnostic);
            location && diagnostic.code != "INVALID_JSON_DESCRIPTION")
            joined += " at " + *location;
    }
    return "Invalid State Machine Definition: '" + joined + "'";
}

} // namespace stepwise::asl
