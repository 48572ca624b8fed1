// Evaluation of a parsed intrinsic call (ASL spec §5): arguments first (paths resolved against
// the input, context object or variables), then the function.
#include "core/intrinsics/ExpressionNode.h"
#include "core/jsonpath/InPlace.h"

namespace stepwise::intrinsics {
namespace {

// The root a path reads (input, context object or variable); an error for an unknown variable.
Result<const Json *, std::string> pathRoot(const jsonpath::Path &path, const EvalContext &context)
{
    static const Json empty = Json::object();
    const Json *root = nullptr;
    switch (path.root()) {
    case jsonpath::Path::Root::Input:
        root = context.input;
        break;
    case jsonpath::Path::Root::Context:
        root = context.context;
        break;
    case jsonpath::Path::Root::Variable:
        if (context.variables != nullptr && context.variables->is_object()) {
            auto it = context.variables->find(path.variableName());
            if (it != context.variables->end())
                root = &*it;
        }
        if (root == nullptr)
            return unexpected("Invalid path '" + path.text() + "': The variable '" +
                              path.variableName() + "' is not defined");
        break;
    }
    return root != nullptr ? root : &empty;
}

// Appends the value of a path argument: borrowed when the path names one node, else computed
// (indefinite paths build a new array).
Result<bool, std::string> addPathArgument(const jsonpath::Path &path, const EvalContext &context,
                                          Args &args)
{
    auto root = pathRoot(path, context);
    if (!root)
        return unexpected(root.error());
    if (const Json *node = jsonpath::locate(path, *root.value())) {
        args.borrow(*node);
        return true;
    }
    auto value = path.evaluate(*root.value());
    if (!value)
        return unexpected("Invalid path '" + path.text() + "' : " + value.error().detail);
    args.own(std::move(value.value()));
    return true;
}

Result<Json, std::string> evaluateNode(const ExpressionNode &node, const EvalContext &context)
{
    if (node.kind == ExpressionNode::Kind::Literal)
        return node.literal;
    if (node.kind == ExpressionNode::Kind::Path) {
        Args single;
        auto added = addPathArgument(*node.path, context, single);
        if (!added)
            return unexpected(added.error());
        return single[0];
    }
    Args args;
    args.reserve(node.args.size());
    for (const auto &arg : node.args) {
        if (arg.kind == ExpressionNode::Kind::Literal) {
            args.borrow(arg.literal); // the parsed tree outlives the call
            continue;
        }
        if (arg.kind == ExpressionNode::Kind::Path) {
            auto added = addPathArgument(*arg.path, context, args);
            if (!added)
                return unexpected(added.error());
            continue;
        }
        auto value = evaluateNode(arg, context);
        if (!value)
            return value;
        args.own(std::move(value.value()));
    }
    return node.function->impl(args, context, node);
}

} // namespace

Result<Json, std::string> evaluate(const Expression &expression, const EvalContext &context)
{
    return evaluateNode(expression.root(), context);
}

} // namespace stepwise::intrinsics
