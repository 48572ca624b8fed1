#pragma once
// Where each value of a JSON text sits, by JSON Pointer, so the code view can put diagnostics on
// their lines, scroll to a state, and tell which state the caret is in. Offsets are UTF-8 byte
// offsets, the same positions QScintilla uses. A syntax error only ends the scan: everything
// before it is still located.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace stepwise::ui {

struct JsonSpan
{
    std::string pointer;
    std::size_t keyStart = 0;   // the member's key (its opening quote), or valueStart in arrays
    std::size_t valueStart = 0; // first byte of the value
    std::size_t end = 0;        // one past the value's last byte
};

class JsonLocator
{
public:
    explicit JsonLocator(std::string_view text);

    // The span of exactly `pointer`, if the text has it.
    std::optional<JsonSpan> find(const std::string &pointer) const;
    // The span of `pointer` or, failing that, of its longest located ancestor.
    std::optional<JsonSpan> nearest(const std::string &pointer) const;
    // The pointer of the innermost value (key included) containing `offset`; "" for the root.
    std::string pointerAt(std::size_t offset) const;
    std::size_t size() const { return m_spans.size(); }

private:
    std::vector<JsonSpan> m_spans; // pre-order: a parent before its children
    std::unordered_map<std::string, std::size_t> m_index;
};

} // namespace stepwise::ui
