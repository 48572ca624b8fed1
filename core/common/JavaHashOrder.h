#pragma once
// java.util.HashMap / HashSet iteration order (ASL spec §2.4.1): AWS builds some objects on the
// JVM, and their key order is visible wherever they become text.
#include "core/common/Json.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stepwise::java {

// String.hashCode() over the UTF-16 code units of a UTF-8 string.
std::int32_t stringHashCode(std::string_view utf8);

// Jackson JsonNode.hashCode() of a JSON value (TextNode, IntNode/LongNode, DoubleNode,
// BooleanNode, NullNode, ArrayNode = List hash, ObjectNode = Map hash).
std::int32_t jsonHashCode(const Json &value);

// Given the hash codes of entries inserted in this order into a HashMap with default capacity
// 16 and load factor 0.75, the entry indexes in iteration order.
std::vector<std::size_t> hashMapOrder(const std::vector<std::int32_t> &hashes);

// Keys (distinct, in insertion order) in java.util.HashMap iteration order.
std::vector<std::string> hashMapKeyOrder(const std::vector<std::string> &keys);

// A copy of `object` whose members follow HashMap iteration order of its keys.
Json toHashMapOrder(const Json &object);

} // namespace stepwise::java
