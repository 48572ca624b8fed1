#pragma once
// ResultPath on compact JSON text (ASL spec §2.1): the text of `input` after a member write,
// built from the input's text instead of printing the whole output again. Each state's output
// is printed for its history events; when a state only writes its result into a large input
// (ResultPath "$.r.x"), copying the input's text around the new member is many times cheaper.
#include "core/engine/MemberIndex.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stepwise::engine {

// The compact text of the document `text` (itself compact, as compact() prints it) after
// setting the member reached by `keys` (escaped member names as compact() prints them, quotes
// included) to the value printed as `valueText`. Missing members become objects, as
// jsonpath::assign makes them; a new member goes last, as the ordered object appends it.
// std::nullopt when the text does not have that shape (a step into a non-object).
// `index`, when given, describes `text` (or is empty) and then describes the returned text; it
// spares the next write into the result reading the same members again.
std::optional<std::string> spliceMember(std::string_view text, const std::vector<std::string> &keys,
                                        std::string_view valueText, MemberIndex *index = nullptr);

} // namespace stepwise::engine
