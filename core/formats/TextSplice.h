#pragma once
// Locating one value in a template's text so that it can be replaced while every other byte of
// the file — comments, order, spacing — stays as the author wrote it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stepwise::formats {

struct TextSpan
{
    std::size_t begin = 0; // first byte of the value
    std::size_t end = 0;   // one past its last byte
};

// JSON text: the value reached by `path` (object keys, or decimal indices into arrays).
std::optional<TextSpan> findJsonValue(std::string_view text, const std::vector<std::string> &path);

// Leading spaces of the line that holds byte `offset`, and the file's indentation step (2 or 4).
std::string lineIndent(std::string_view text, std::size_t offset);
int indentStep(std::string_view text);

// YAML block text: the mapping entry reached by `path`. `value` spans from just after "key:" to
// the end of its last line (trailing blank lines excluded).
struct YamlEntry
{
    TextSpan value;
    int keyColumn = 0; // 0-based column of the key
};
std::optional<YamlEntry> findYamlEntry(std::string_view text, const std::vector<std::string> &path);

// Every line of `block` after the first prefixed with `indent`.
std::string indentLines(const std::string &block, const std::string &indent, bool indentFirst);

} // namespace stepwise::formats
