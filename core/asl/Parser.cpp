// Text → JSON (JSON or YAML) with located syntax errors, and text → model.
#include "core/asl/Parser.h"

#include "core/asl/Nesting.h"
#include "core/asl/Yaml.h"

#include <algorithm>
#include <string>

namespace stepwise::asl {
namespace {

bool looksLikeJson(std::string_view text)
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    const auto first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && (text[first] == '{' || text[first] == '[');
}

// 1-based line and byte column of the character at `byte` (nlohmann counts the offending
// character as read, so it reports a 1-based position).
ParseError locatedError(std::string_view text, std::size_t byte, std::string message)
{
    const std::size_t pos = std::min(byte > 0 ? byte - 1 : 0, text.size());
    const std::string_view before = text.substr(0, pos);
    const auto lineCount = std::count(before.begin(), before.end(), '\n');
    const std::size_t lastNewline = before.rfind('\n');
    const std::size_t column = lastNewline == std::string_view::npos ? pos + 1 : pos - lastNewline;
    return ParseError{std::move(message), "", static_cast<int>(lineCount) + 1,
                      static_cast<int>(column)};
}

Result<Json, ParseError> parseJson(std::string_view text)
{
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error &e) {
        return unexpected(locatedError(text, e.byte, e.what()));
    } catch (const Json::exception &e) {
        return unexpected(ParseError{e.what(), "", 0, 0});
    }
}

} // namespace

Result<Json, ParseError> parseDocument(std::string_view text, SourceFormat format)
{
    const bool json =
        format == SourceFormat::Json || (format == SourceFormat::Auto && looksLikeJson(text));
    if (const auto at = nestingBeyondLimit(text, json))
        return unexpected(locatedError(text, *at + 1,
                                       "The document is nested more than "
                                           + std::to_string(kMaxNesting) + " levels deep"));
    return json ? parseJson(text) : parseYaml(text);
}

Result<StateMachine, ParseError> parse(std::string_view text, SourceFormat format)
{
    auto document = parseDocument(text, format);
    if (!document)
        return unexpected(document.error());
    return fromJson(document.value());
}

} // namespace stepwise::asl
