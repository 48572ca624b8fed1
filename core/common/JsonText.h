#pragma once
// Layout of JSON text that is already valid and compact.
#include <string>
#include <string_view>

namespace stepwise {

// `compactText` with a space after each ',' and ':' outside strings, as Python's json.dumps
// separates: still the same JSON, and a narrow label can wrap it.
std::string withSeparatorSpaces(std::string_view compactText);

} // namespace stepwise
