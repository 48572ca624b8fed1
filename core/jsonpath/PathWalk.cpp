// Walking compiled JSONPath components over a document (ASL spec §2.3, Jayway semantics):
// wildcards, slices, unions, deep scan (pre-order), filters and length().
#include "core/jsonpath/PathProgram.h"

#include <algorithm>

namespace stepwise::jsonpath {
namespace {

std::int64_t sizeOf(const Json &array)
{
    return static_cast<std::int64_t>(array.size());
}

const Json *arrayItem(const Json &array, std::int64_t index)
{
    std::int64_t effective = index < 0 ? sizeOf(array) + index : index;
    if (effective < 0 || effective >= sizeOf(array))
        return nullptr;
    return &array[static_cast<std::size_t>(effective)];
}

struct Walker
{
    const Components &components;
    const Json &root;
    std::vector<const Json *> &out;
    std::vector<std::unique_ptr<Json>> &scratch;

    void emit(std::size_t next, const Json &node)
    {
        if (next == components.size())
            out.push_back(&node);
        else
            walk(next, node);
    }

    void walk(std::size_t index, const Json &node)
    {
        const Component &c = components[index];
        if (c.deep)
            scan(index, node);
        else
            apply(index, node);
    }

    // `..` applies the component to the node, then to every descendant (pre-order).
    void scan(std::size_t index, const Json &node)
    {
        apply(index, node);
        if (node.is_object() || node.is_array()) {
            for (const auto &child : node)
                scan(index, child);
        }
    }

    void apply(std::size_t index, const Json &node)
    {
        const Component &c = components[index];
        std::size_t next = index + 1;
        switch (c.kind) {
        case Component::Kind::Name:
            if (node.is_object()) {
                auto it = node.find(c.name);
                if (it != node.end())
                    emit(next, *it);
            }
            return;
        case Component::Kind::Index:
            if (node.is_array()) {
                if (const Json *item = arrayItem(node, c.index))
                    emit(next, *item);
            }
            return;
        case Component::Kind::Wildcard:
            if (node.is_object() || node.is_array()) {
                for (const auto &child : node)
                    emit(next, child);
            }
            return;
        case Component::Kind::Slice:
            applySlice(c, next, node);
            return;
        case Component::Kind::Names:
            applyNames(c, next, node);
            return;
        case Component::Kind::Indexes:
            if (node.is_array()) {
                for (std::int64_t i : c.indexes) {
                    if (const Json *item = arrayItem(node, i))
                        emit(next, *item);
                }
            }
            return;
        case Component::Kind::Filter:
            applyFilter(c, next, node);
            return;
        case Component::Kind::Length:
            applyLength(next, node);
            return;
        }
    }

    void applySlice(const Component &c, std::size_t next, const Json &node)
    {
        if (!node.is_array())
            return;
        std::int64_t length = sizeOf(node);
        auto clampIndex = [length](std::int64_t i) {
            return std::clamp<std::int64_t>(i < 0 ? length + i : i, 0, length);
        };
        std::int64_t from = c.sliceFrom ? clampIndex(*c.sliceFrom) : 0;
        std::int64_t to = c.sliceTo ? clampIndex(*c.sliceTo) : length;
        for (std::int64_t i = from; i < to; ++i)
            emit(next, node[static_cast<std::size_t>(i)]);
    }

    // Jayway: several names on the last component merge into one object; earlier ones fan out.
    void applyNames(const Component &c, std::size_t next, const Json &node)
    {
        if (!node.is_object())
            return;
        if (next == components.size()) {
            auto merged = std::make_unique<Json>(Json::object());
            for (const auto &name : c.names) {
                auto it = node.find(name);
                if (it != node.end())
                    (*merged)[name] = *it;
            }
            scratch.push_back(std::move(merged));
            out.push_back(scratch.back().get());
            return;
        }
        for (const auto &name : c.names) {
            auto it = node.find(name);
            if (it != node.end())
                emit(next, *it);
        }
    }

    void applyFilter(const Component &c, std::size_t next, const Json &node)
    {
        if (node.is_array()) {
            for (const auto &item : node) {
                if (evaluateFilter(*c.filter, item, root))
                    emit(next, item);
            }
        } else if (node.is_object() && !c.deep) {
            if (evaluateFilter(*c.filter, node, root))
                emit(next, node);
        }
    }

    void applyLength(std::size_t next, const Json &node)
    {
        if (!node.is_array() && !node.is_object() && !node.is_string())
            return;
        std::size_t length =
            node.is_string() ? node.get_ref<const std::string &>().size() : node.size();
        scratch.push_back(std::make_unique<Json>(length));
        emit(next, *scratch.back());
    }
};

} // namespace

void collectMatches(const Components &components, std::size_t index, const Json &node,
                    const Json &root, std::vector<const Json *> &out,
                    std::vector<std::unique_ptr<Json>> &scratch)
{
    if (index >= components.size()) {
        out.push_back(&node);
        return;
    }
    Walker walker{components, root, out, scratch};
    walker.walk(index, node);
}

bool componentsDefinite(const Components &components)
{
    for (std::size_t i = 0; i < components.size(); ++i) {
        const Component &c = components[i];
        if (c.deep)
            return false;
        bool single = c.kind == Component::Kind::Name || c.kind == Component::Kind::Index ||
                      c.kind == Component::Kind::Length;
        bool leafMerge = c.kind == Component::Kind::Names && i + 1 == components.size();
        if (!single && !leafMerge)
            return false;
    }
    return true;
}

std::string renderComponents(const Components &components, std::size_t count)
{
    std::string out;
    for (std::size_t i = 0; i < count && i < components.size(); ++i) {
        const Component &c = components[i];
        if (c.deep)
            out += "..";
        switch (c.kind) {
        case Component::Kind::Name:
            out += "['" + c.name + "']";
            break;
        case Component::Kind::Index:
            out += "[" + std::to_string(c.index) + "]";
            break;
        case Component::Kind::Wildcard:
            out += "[*]";
            break;
        case Component::Kind::Slice:
            out += "[" + (c.sliceFrom ? std::to_string(*c.sliceFrom) : std::string()) + ":" +
                   (c.sliceTo ? std::to_string(*c.sliceTo) : std::string()) + "]";
            break;
        case Component::Kind::Names: {
            std::string joined;
            for (const auto &name : c.names)
                joined += (joined.empty() ? "'" : ",'") + name + "'";
            out += "[" + joined + "]";
            break;
        }
        case Component::Kind::Indexes: {
            std::string joined;
            for (auto index : c.indexes)
                joined += (joined.empty() ? "" : ",") + std::to_string(index);
            out += "[" + joined + "]";
            break;
        }
        case Component::Kind::Filter:
            out += "[?]";
            break;
        case Component::Kind::Length:
            out += ".length()";
            break;
        }
    }
    return out;
}

} // namespace stepwise::jsonpath
