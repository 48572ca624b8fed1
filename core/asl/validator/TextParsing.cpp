// Parsing definition text for validation (ASL spec §1.9): JSON first (AWS reads JSON with
// Jackson, so syntax errors use Jackson's wording and location format), YAML for text that is
// not JSON, and a SAX pass that finds duplicate state names inside `States` objects.
#include "core/asl/validator/TextParsing.h"

#include "core/asl/Nesting.h"
#include "core/asl/Parser.h"
#include "core/asl/validator/ValidationContext.h"

#include <cctype>
#include <set>

namespace stepwise::asl::validator {
namespace {

constexpr std::size_t kSourceExcerpt = 500;

bool isWordChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$' || c == '-' ||
           c == '.';
}

// Jackson's "[Source: (String)"..."; line: L, column: C]".
std::string jacksonLocation(std::string_view text, int line, int column)
{
    std::string excerpt(text.substr(0, kSourceExcerpt));
    std::string source = "(String)\"" + excerpt + "\"";
    if (text.size() > kSourceExcerpt)
        source += "[truncated " + std::to_string(text.size() - kSourceExcerpt) + " chars]";
    return "[Source: " + source + "; line: " + std::to_string(line) +
           ", column: " + std::to_string(column) + "]";
}

void lineAndColumn(std::string_view text, std::size_t offset, int &line, int &column)
{
    line = 1;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    column = static_cast<int>(offset - lineStart) + 1;
}

Diagnostic jsonSyntaxError(std::string_view text, std::size_t errorByte)
{
    std::size_t i = errorByte == 0 ? 0 : errorByte - 1;
    if (i < text.size() && !isWordChar(text[i]) && i > 0 && isWordChar(text[i - 1]))
        --i;
    std::string message;
    std::size_t end = i + 1;
    if (i >= text.size()) {
        message = "Unexpected end-of-input";
        end = text.size();
    } else if (isWordChar(text[i])) {
        std::size_t start = i;
        while (start > 0 && isWordChar(text[start - 1]))
            --start;
        end = i;
        while (end < text.size() && isWordChar(text[end]))
            ++end;
        message = "Unrecognized token '" + std::string(text.substr(start, end - start)) +
                  "': was expecting (JSON String, Number, Array, Object or token 'null', 'true' "
                  "or 'false')";
    } else {
        const auto code = static_cast<unsigned char>(text[i]);
        message = std::string("Unexpected character ('") + text[i] + "' (code " +
                  std::to_string(code) + "))";
    }
    int line = 0;
    int column = 0;
    lineAndColumn(text, end, line, column);
    const std::string location = jacksonLocation(text, line, column);
    return {Severity::Error, "INVALID_JSON_DESCRIPTION", "", message + "\n at " + location, line,
            column};
}

// SAX pass: reports keys that occur twice in one `States` object.
class DuplicateStateFinder : public nlohmann::json_sax<Json>
{
public:
    std::vector<Diagnostic> diagnostics;

    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t &) override { return value(); }
    bool string(string_t &) override { return value(); }
    bool binary(binary_t &) override { return value(); }
    bool start_object(std::size_t) override { return open(true); }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(false); }
    bool end_array() override { return close(); }
    bool key(string_t &name) override
    {
        Frame &frame = m_frames.back();
        frame.token = name;
        if (frame.isStates && !frame.keys.insert(name).second)
            diagnostics.push_back({Severity::Error, kDuplicateState, pointer(),
                                   "Duplicate State name: '" + name + "'", 0, 0});
        return true;
    }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) override
    {
        return false;
    }

private:
    struct Frame
    {
        bool isObject = false;
        bool isStates = false;
        std::size_t index = 0;
        std::string token; // current key (objects) or index (arrays)
        std::set<std::string> keys;
    };

    bool value()
    {
        advance();
        return true;
    }
    void advance()
    {
        if (!m_frames.empty() && !m_frames.back().isObject)
            m_frames.back().token = std::to_string(m_frames.back().index++);
    }
    bool open(bool isObject)
    {
        advance();
        Frame frame;
        frame.isObject = isObject;
        frame.isStates = isObject && !m_frames.empty() && m_frames.back().isObject &&
                         m_frames.back().token == "States";
        m_frames.push_back(std::move(frame));
        return true;
    }
    bool close()
    {
        m_frames.pop_back();
        return true;
    }
    std::string pointer() const
    {
        std::string result;
        for (const Frame &frame : m_frames)
            result = childPointer(result, frame.token);
        return result;
    }

    std::vector<Frame> m_frames;
};

std::optional<Json> parseYaml(std::string_view text, std::vector<Diagnostic> &diagnostics)
{
    auto parsed = parseDocument(text, SourceFormat::Yaml);
    if (parsed.hasValue())
        return std::move(parsed).value();
    const ParseError &error = parsed.error();
    diagnostics.push_back({Severity::Error, "INVALID_JSON_DESCRIPTION", "",
                           "Invalid YAML: " + error.message, error.line, error.column});
    return std::nullopt;
}

bool looksLikeYamlMapping(std::string_view text)
{
    return text.find(':') != std::string_view::npos;
}

} // namespace

TextParseResult parseDefinitionText(std::string_view text)
{
    TextParseResult result;
    // Refused before parsing: every later pass recurses per level (Jackson's limit, as AWS's).
    if (const auto at = nestingBeyondLimit(text, true)) {
        int line = 0;
        int column = 0;
        lineAndColumn(text, *at + 1, line, column);
        result.diagnostics.push_back(
            {Severity::Error, "INVALID_JSON_DESCRIPTION", "",
             "Document nesting depth (" + std::to_string(kMaxNesting + 1)
                 + ") exceeds the maximum allowed (" + std::to_string(kMaxNesting)
                 + ")\n at " + jacksonLocation(text, line, column),
             line, column});
        return result;
    }
    std::size_t errorByte = 0;
    try {
        result.document = Json::parse(text);
    } catch (const nlohmann::json::parse_error &error) {
        errorByte = error.byte;
    } catch (const std::exception &) {
        errorByte = 1;
    }
    if (result.document) {
        DuplicateStateFinder finder;
        Json::sax_parse(text, &finder);
        result.diagnostics = std::move(finder.diagnostics);
        return result;
    }
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        result.diagnostics.push_back({Severity::Error, kSchema, "",
                                      "Definition must be a valid JSON object", 0, 0});
        return result;
    }
    if (text[first] != '{' && text[first] != '[' && looksLikeYamlMapping(text)) {
        result.document = parseYaml(text, result.diagnostics);
        return result;
    }
    result.diagnostics.push_back(jsonSyntaxError(text, errorByte));
    return result;
}

} // namespace stepwise::asl::validator
