#pragma once
// Path operations that avoid copying large documents (ASL spec §2.1, §2.3): reading the node a
// path names where it lies, and ResultPath into an input the caller gives up.
#include "core/jsonpath/Path.h"

namespace stepwise::jsonpath {

// The node a definite path of plain member / index steps names inside `rootValue`, without
// copying it; nullptr when there is none or the path needs Path::evaluate() (which also gives
// the error text).
const Json *locate(const Path &path, const Json &rootValue);

// assign() on a target the caller gives up: changed in place, so a large input is not copied.
// On failure `target` is left exactly as it was (callers quote it in their error message).
Result<Json, std::string> assign(Json &&target, const Path &referencePath, Json value);

} // namespace stepwise::jsonpath
