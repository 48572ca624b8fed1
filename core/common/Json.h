#pragma once
// One JSON type for all of Stepwise: ordered, so key order survives every round trip.
#include <nlohmann/json.hpp>

namespace stepwise {
using Json = nlohmann::ordered_json;
} // namespace stepwise
