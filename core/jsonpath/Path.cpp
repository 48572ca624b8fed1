// Path: parse once, evaluate many times (ASL spec §2.3; AWS error texts from §2.6).
#include "core/jsonpath/Path.h"

#include "core/common/JsonDispose.h"
#include "core/common/JsonMembers.h"

#include "core/jsonpath/InPlace.h"
#include "core/jsonpath/PathProgram.h"

namespace stepwise::jsonpath {
namespace {

bool isVariableChar(char c)
{
    auto u = static_cast<unsigned char>(c);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           u >= 0x80;
}

std::string typeName(const Json &value)
{
    return value.is_null() ? "null" : value.type_name();
}

} // namespace

Path::Path() : m_program(std::make_unique<PathProgram>()) {}
Path::Path(const Path &other)
    : m_program(other.m_program ? std::make_unique<PathProgram>(*other.m_program) : nullptr)
{}
Path::Path(Path &&) noexcept = default;
Path &Path::operator=(const Path &other)
{
    if (this != &other)
        m_program = other.m_program ? std::make_unique<PathProgram>(*other.m_program) : nullptr;
    return *this;
}
Path &Path::operator=(Path &&) noexcept = default;
Path::~Path() = default;

Result<Path, PathSyntaxError> Path::parse(std::string_view text)
{
    if (text.empty() || text.front() != '$')
        return unexpected(PathSyntaxError{"A path must start with '$'", 0});
    Path path;
    PathProgram &program = *path.m_program;
    program.text = std::string(text);
    std::size_t pos = 1;
    if (text.size() > 1 && text[1] == '$') {
        program.root = Root::Context;
        pos = 2;
    } else if (text.size() > 1 && text[1] != '.' && text[1] != '[') {
        while (pos < text.size() && text[pos] != '.' && text[pos] != '[') {
            if (!isVariableChar(text[pos]))
                return unexpected(
                    PathSyntaxError{"Invalid character '" + std::string(1, text[pos]) +
                                        "' in variable name at " + std::to_string(pos),
                                    pos});
            ++pos;
        }
        program.root = Root::Variable;
        program.variable = std::string(text.substr(1, pos - 1));
    }
    auto components = parseComponents(text, pos, false);
    if (!components)
        return unexpected(components.error());
    program.components = std::move(components.value());
    program.definite = componentsDefinite(program.components);
    program.reference = true;
    for (const auto &c : program.components) {
        bool simple =
            !c.deep && (c.kind == Component::Kind::Name || c.kind == Component::Kind::Index);
        program.reference = program.reference && simple;
    }
    return path;
}

const std::string &Path::text() const
{
    return m_program->text;
}
Path::Root Path::root() const
{
    return m_program->root;
}
const std::string &Path::variableName() const
{
    return m_program->variable;
}
bool Path::isDefinite() const
{
    return m_program->definite;
}
std::optional<std::vector<std::string>> Path::memberNames() const
{
    std::vector<std::string> names;
    for (const Component &c : m_program->components) {
        if (c.kind != Component::Kind::Name || c.deep)
            return std::nullopt;
        names.push_back(c.name);
    }
    return names;
}

bool Path::isReferencePath() const
{
    return m_program->reference;
}

std::string Path::normalized() const
{
    return "$" + renderComponents(m_program->components, m_program->components.size());
}

const PathProgram &Path::program() const
{
    return *m_program;
}

namespace {

// One definite step; nullptr when nothing is there. Synthesised values go to `scratch`.
const Json *definiteStep(const Component &c, const Json &node,
                         std::vector<std::unique_ptr<Json>> &scratch)
{
    if (c.kind == Component::Kind::Name) {
        auto it = node.find(c.name);
        return it == node.end() ? nullptr : &*it;
    }
    if (c.kind == Component::Kind::Index) {
        if (!node.is_array())
            return nullptr;
        auto size = static_cast<std::int64_t>(node.size());
        std::int64_t index = c.index < 0 ? size + c.index : c.index;
        return index < 0 || index >= size ? nullptr : &node[static_cast<std::size_t>(index)];
    }
    std::vector<const Json *> out;
    Components single{c};
    collectMatches(single, 0, node, node, out, scratch);
    return out.empty() ? nullptr : out.front();
}

// Every match as an array; a trailing length() counts the matches (Jayway).
Json evaluateIndefinite(const Components &components, const Json &rootValue)
{
    std::vector<const Json *> matches;
    std::vector<std::unique_ptr<Json>> scratch;
    if (!components.empty() && components.back().kind == Component::Kind::Length) {
        Components body(components.begin(), components.end() - 1);
        collectMatches(body, 0, rootValue, rootValue, matches, scratch);
        return Json(matches.size());
    }
    collectMatches(components, 0, rootValue, rootValue, matches, scratch);
    Json result = Json::array();
    for (const Json *match : matches)
        result.push_back(*match);
    return result;
}

} // namespace

const Json *locate(const Path &path, const Json &rootValue)
{
    if (!path.isDefinite())
        return nullptr;
    const Json *node = &rootValue;
    for (const Component &c : path.program().components) {
        if (c.kind == Component::Kind::Name) {
            if (!node->is_object())
                return nullptr;
            auto it = node->find(c.name);
            if (it == node->end())
                return nullptr;
            node = &*it;
        } else if (c.kind == Component::Kind::Index) {
            if (!node->is_array())
                return nullptr;
            const auto size = static_cast<std::int64_t>(node->size());
            const std::int64_t index = c.index < 0 ? size + c.index : c.index;
            if (index < 0 || index >= size)
                return nullptr;
            node = &(*node)[static_cast<std::size_t>(index)];
        } else {
            return nullptr;
        }
    }
    return node;
}

// Definite paths fail like Jayway's PathNotFoundException (recorded AWS causes, §2.6).
Result<Json, PathEvalError> Path::evaluate(const Json &rootValue) const
{
    const Components &components = m_program->components;
    std::vector<std::unique_ptr<Json>> scratch;
    if (!m_program->definite)
        return evaluateIndefinite(components, rootValue);
    const Json *node = &rootValue;
    for (std::size_t i = 0; i < components.size(); ++i) {
        const Component &c = components[i];
        bool last = i + 1 == components.size();
        bool needsObject = c.kind == Component::Kind::Name || c.kind == Component::Kind::Names;
        if (needsObject && !node->is_object()) {
            std::string upstream = renderComponents(components, i);
            return unexpected(PathEvalError{
                PathEvalError::Kind::Invalid,
                "Expected to find an object with property " +
                    renderComponents(components, i + 1).substr(upstream.size()) + " in path $" +
                    upstream + " but found '" + typeName(*node) + "'"});
        }
        const Json *next = definiteStep(c, *node, scratch);
        if (next == nullptr) {
            if (last || c.kind != Component::Kind::Name)
                return unexpected(PathEvalError{PathEvalError::Kind::NoResults,
                                                "No results for path: " + normalized()});
            return unexpected(
                PathEvalError{PathEvalError::Kind::MissingProperty,
                              "Missing property in path $" + renderComponents(components, i + 1)});
        }
        node = next;
    }
    return *node;
}

namespace {

// Whether `components` can be assigned inside `target` (ASL spec §2.1): every member step needs
// an object (a missing member becomes one, so only member steps may follow it), every index step
// an array holding that index. Read-only, so a failing assign changes nothing.
bool canAssign(const Json &target, const Components &components)
{
    const Json *node = &target;
    for (std::size_t i = 0; i < components.size(); ++i) {
        const Component &c = components[i];
        if (c.kind == Component::Kind::Name) {
            if (!node->is_object())
                return false;
            auto it = node->find(c.name);
            if (it == node->end()) {
                for (std::size_t k = i + 1; k < components.size(); ++k)
                    if (components[k].kind != Component::Kind::Name)
                        return false;
                return true;
            }
            node = &*it;
        } else {
            if (!node->is_array())
                return false;
            const auto size = static_cast<std::int64_t>(node->size());
            const std::int64_t index = c.index < 0 ? size + c.index : c.index;
            if (index < 0 || index >= size)
                return false;
            node = &(*node)[static_cast<std::size_t>(index)];
        }
    }
    return true;
}

// Puts `value` at `components` inside `target`, which canAssign accepted.
void assignInPlace(Json &target, const Components &components, Json value)
{
    Json *node = &target;
    for (const Component &c : components) {
        if (c.kind == Component::Kind::Name) {
            auto it = node->find(c.name);
            node = it != node->end() ? &*it
                                     : &appendMember(*node, c.name, Json(Json::value_t::object));
        } else {
            const auto size = static_cast<std::int64_t>(node->size());
            const std::int64_t index = c.index < 0 ? size + c.index : c.index;
            node = &(*node)[static_cast<std::size_t>(index)];
        }
    }
    disposeJson(*node); // the replaced value, freed without nlohmann's per-container stack
    *node = std::move(value);
}

std::string assignFailure(const Json &target, const Path &referencePath)
{
    return "Unable to apply ResultPath '" + referencePath.text() + "' to input '"
         + target.dump(-1, ' ', false, Json::error_handler_t::replace) + "'";
}

} // namespace

// ResultPath semantics (ASL spec §2.1): `$` replaces; missing members become objects.
Result<Json, std::string> assign(const Json &target, const Path &referencePath, Json value)
{
    if (!referencePath.isReferencePath())
        return unexpected(assignFailure(target, referencePath));
    const Components &components = referencePath.program().components;
    if (components.empty())
        return value;
    if (!canAssign(target, components))
        return unexpected(assignFailure(target, referencePath));
    Json result = target;
    assignInPlace(result, components, std::move(value));
    return result;
}

Result<Json, std::string> assign(Json &&target, const Path &referencePath, Json value)
{
    if (!referencePath.isReferencePath())
        return unexpected(assignFailure(target, referencePath));
    const Components &components = referencePath.program().components;
    if (components.empty())
        return value;
    if (!canAssign(target, components))
        return unexpected(assignFailure(target, referencePath));
    assignInPlace(target, components, std::move(value));
    return std::move(target);
}

} // namespace stepwise::jsonpath
