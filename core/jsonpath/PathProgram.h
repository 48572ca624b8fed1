#pragma once
// Compiled form of a JSONPath (ASL spec §2.3): the root kind plus a flat list of components,
// built once by the parser and walked by the evaluator. Private to core/jsonpath.
#include "core/common/Json.h"
#include "core/jsonpath/Path.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace stepwise::jsonpath {

struct FilterExpr;

struct Component
{
    enum class Kind { Name, Index, Wildcard, Slice, Names, Indexes, Filter, Length };
    Kind kind = Kind::Name;
    bool deep = false; // preceded by `..`: applies to the node and every descendant
    std::string name;
    std::int64_t index = 0;
    std::vector<std::string> names;
    std::vector<std::int64_t> indexes;
    std::optional<std::int64_t> sliceFrom;
    std::optional<std::int64_t> sliceTo;
    std::shared_ptr<const FilterExpr> filter;
};

using Components = std::vector<Component>;

// One side of a filter comparison: a literal, `@...` (current item) or `$...` (document root).
struct FilterOperand
{
    enum class Kind { Literal, Current, Root };
    Kind kind = Kind::Literal;
    Json literal;
    Components path;
};

struct FilterExpr
{
    enum class Op { Or, And, Not, Exists, Eq, Ne, Lt, Le, Gt, Ge };
    Op op = Op::Exists;
    std::vector<FilterExpr> children; // Or / And / Not
    FilterOperand lhs;                // Exists and comparisons
    FilterOperand rhs;                // comparisons
};

struct PathProgram
{
    std::string text;
    Path::Root root = Path::Root::Input;
    std::string variable;
    Components components;
    bool definite = true;
    bool reference = true;
};

// Parses components from `text` starting at `pos` until the end (or, in a filter, until a
// character that cannot continue a path). Advances `pos`.
Result<Components, PathSyntaxError> parseComponents(std::string_view text, std::size_t &pos,
                                                    bool inFilter);

// Parses a filter body `cond)` that follows `[?(`; leaves `pos` after the closing `)`.
Result<std::shared_ptr<const FilterExpr>, PathSyntaxError> parseFilter(std::string_view text,
                                                                       std::size_t &pos);

// Jayway's normalised rendering of components: ['a'][0][*]...
std::string renderComponents(const Components &components, std::size_t count);

// True when no component can produce more than one node.
bool componentsDefinite(const Components &components);

// Collects every node the components reach from `node` (ASL spec §2.3, Jayway semantics).
// Values synthesised on the way (merged unions, lengths) are kept alive in `scratch`.
void collectMatches(const Components &components, std::size_t index, const Json &node,
                    const Json &root, std::vector<const Json *> &out,
                    std::vector<std::unique_ptr<Json>> &scratch);

bool evaluateFilter(const FilterExpr &expr, const Json &item, const Json &root);

} // namespace stepwise::jsonpath
