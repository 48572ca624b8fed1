// Evaluation of a parsed intrinsic call (ASL spec §5): arguments first (paths resolved against
// the input, context object or variables), then the function.
#include "core/intrinsics/ExpressionNode.h"

namespace stepwise::intrinsics {
namespace {

Result<Json, std::string> evaluatePath(const jsonpath::Path &path, const EvalContext &context)
{
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
    static const Json empty = Json::object();
    auto value = path.evaluate(root != nullptr ? *root : empty);
    if (!value)
        return unexpected("Invalid path '" + path.text() + "' : " + value.error().detail);
    return std::move(value.value());
}

Result<Json, std::string> evaluateNode(const ExpressionNode &node, const EvalContext &context)
{
    if (node.kind == ExpressionNode::Kind::Literal)
        return node.literal;
    if (node.kind == ExpressionNode::Kind::Path)
        return evaluatePath(*node.path, context);
    Args args;
    args.reserve(node.args.size());
    for (const auto &arg : node.args) {
        auto value = evaluateNode(arg, context);
        if (!value)
            return value;
        args.push_back(std::move(value.value()));
    }
    return node.function->impl(args, context, node);
}

} // namespace

Result<Json, std::string> evaluate(const Expression &expression, const EvalContext &context)
{
    return evaluateNode(expression.root(), context);
}

} // namespace stepwise::intrinsics
