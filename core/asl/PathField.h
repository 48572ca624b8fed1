#pragma once
// A *Path field (InputPath, OutputPath, ResultPath, ItemsPath): ASL distinguishes "absent"
// (default `$`) from `null` (discard / empty object), so a plain optional string is not enough.
#include <string>

namespace stepwise::asl {

struct PathField
{
    enum class Kind { Absent, Null, Path };
    Kind kind = Kind::Absent;
    std::string text; // the path when kind == Path

    bool isAbsent() const { return kind == Kind::Absent; }
    bool isNull() const { return kind == Kind::Null; }
    bool hasPath() const { return kind == Kind::Path; }

    static PathField absent() { return {}; }
    static PathField null() { return {Kind::Null, {}}; }
    static PathField path(std::string text) { return {Kind::Path, std::move(text)}; }
    friend bool operator==(const PathField &, const PathField &) = default;
};

} // namespace stepwise::asl
