#pragma once
// A stable key for a state anywhere in a document: its JSON Pointer, e.g. "/States/Ship" or
// "/States/Fanout/Branches/1/States/Email" (Map: ".../ItemProcessor/States/X" or
// ".../Iterator/States/X", as written). Names are escaped per RFC 6901 (~0, ~1).
#include <compare>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace stepwise::asl {

struct StatePath
{
    std::string pointer;

    bool isEmpty() const { return pointer.empty(); }
    // The state's own name (the last segment, unescaped).
    std::string name() const;
    // The pointer of the machine that holds the state ("" for the top level).
    std::string scopePointer() const;
    // The same state under another name.
    StatePath renamed(std::string_view newName) const;
    // Whether this path is `ancestor` itself or lies inside it.
    bool isWithin(const StatePath &ancestor) const;
    // Unescaped pointer segments: {"States", "Fanout", "Branches", "1", "States", "Email"}.
    std::vector<std::string> segments() const;

    static StatePath inScope(std::string_view scopePointer, std::string_view name);

    auto operator<=>(const StatePath &) const = default;
};

std::string escapePointerSegment(std::string_view segment);
std::string unescapePointerSegment(std::string_view segment);

} // namespace stepwise::asl

template <> struct std::hash<stepwise::asl::StatePath>
{
    std::size_t operator()(const stepwise::asl::StatePath &path) const noexcept
    {
        return std::hash<std::string>()(path.pointer);
    }
};
