#pragma once
// The JSONata abstract syntax tree produced by Parser (Pratt parse + path/predicate
// restructuring as described in the JSONata docs "Path operators" and "Query composition").
#include "core/jsonata/Value.h"

#include <memory>
#include <string>
#include <vector>

namespace stepwise::jsonata {

struct Signature;
struct Node;
using NodePtr = std::shared_ptr<Node>;

enum class NodeKind {
    Path, Binary, Negate, Name, String, Number, Literal, Wildcard, Descendant, Parent,
    Variable, Regex, Call, Partial, Lambda, Condition, Block, Bind, Apply, Sort, Transform,
    ArrayCons, ObjectCons, PartialArgument, Coalesce, Default
};

// A predicate or index binding attached to a path step (or a filter on any expression).
struct Stage
{
    bool isIndex = false;
    NodePtr expr;
    std::string var;
    std::size_t position = 0;
};

struct SortTerm
{
    NodePtr expr;
    bool descending = false;
};

struct Node
{
    NodeKind kind = NodeKind::Literal;
    std::string value; // operator, name, string literal, variable name, regex pattern
    std::string flags; // regex flags
    double number = 0.0;
    Value literal;
    std::size_t position = 0;

    NodePtr lhs, rhs, third;            // binary operands; condition/then/else; transform parts
    std::vector<NodePtr> children;      // path steps, call args, block items, array items
    std::vector<std::pair<NodePtr, NodePtr>> pairs; // object constructor / group-by
    std::vector<SortTerm> sortTerms;
    std::vector<Stage> stages;          // filters applied per step item
    std::vector<Stage> predicates;      // filters applied to the whole value
    std::vector<std::string> params;    // lambda parameters
    std::shared_ptr<Signature> signature;

    bool hasGroup = false;
    std::vector<std::pair<NodePtr, NodePtr>> group;
    std::size_t groupPosition = 0;

    bool keepArray = false;
    bool keepSingletonArray = false;
    bool consArray = false;
    bool tuple = false;
    bool tail = false;
    bool hasParentRef = false; // path contains % steps (parent operator)
    std::string focus;
    std::string indexVar;
    int parentLevel = 0;       // for Parent nodes: how many steps up
};

} // namespace stepwise::jsonata
