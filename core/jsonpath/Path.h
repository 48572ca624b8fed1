#pragma once
// A JSONPath compiled once and evaluated many times (ASL spec §2.3; Jayway dialect as AWS uses
// it). A path's root is the state input (`$`), the context object (`$$`) or a variable
// (`$name`); the caller picks the root value, the path walks from it.
#include "core/common/Json.h"
#include "core/common/Result.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stepwise::jsonpath {

struct PathSyntaxError
{
    std::string message; // e.g. "Unexpected character ']' at 4"
    std::size_t offset = 0;
};

// Why evaluating a definite path found nothing. `detail` is in AWS's words, e.g.
// "No results for path: $['x']" or "Missing property in path $['no']".
struct PathEvalError
{
    enum class Kind { NoResults, MissingProperty, Invalid };
    Kind kind = Kind::NoResults;
    std::string detail;
};

struct PathProgram; // compiled components, private to the implementation

class Path
{
public:
    enum class Root { Input, Context, Variable };

    static Result<Path, PathSyntaxError> parse(std::string_view text);

    const std::string &text() const;
    Root root() const;
    const std::string &variableName() const; // for Root::Variable: "name" of "$name.a"
    bool isDefinite() const;      // no wildcard, filter, slice, union or deep scan
    bool isReferencePath() const; // only child names and indexes: usable as ResultPath etc.
    std::string normalized() const; // Jayway form used in AWS messages: $['a']['b'][0]
    // The member names of a path made only of member steps from the root (`$.a.b` gives a, b;
    // `$` gives none); std::nullopt for any other step.
    std::optional<std::vector<std::string>> memberNames() const;

    // Definite path: the one node it names. Indefinite: an array of every match (maybe empty).
    Result<Json, PathEvalError> evaluate(const Json &rootValue) const;

    // The compiled components; for core/jsonpath internals.
    const PathProgram &program() const;

    Path(const Path &);
    Path(Path &&) noexcept;
    Path &operator=(const Path &);
    Path &operator=(Path &&) noexcept;
    ~Path();

private:
    Path();
    std::unique_ptr<PathProgram> m_program;
};

// ResultPath semantics (ASL spec §2.1): put `value` at `referencePath` inside `target`,
// creating intermediate objects. `$` replaces the target. Fails (with a message) when the
// target or an intermediate node is not an object where a member must be created.
Result<Json, std::string> assign(const Json &target, const Path &referencePath, Json value);

} // namespace stepwise::jsonpath
