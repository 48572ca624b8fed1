// Evaluation of Jayway filter expressions (ASL spec §2.3). A path operand that matches nothing
// is "undefined": comparisons with it are false and existence tests fail.
#include "core/jsonpath/PathProgram.h"

namespace stepwise::jsonpath {
namespace {

// The operand's value, or nullptr when a path operand matches nothing.
const Json *operandValue(const FilterOperand &operand, const Json &item, const Json &root,
                         std::vector<std::unique_ptr<Json>> &scratch)
{
    if (operand.kind == FilterOperand::Kind::Literal)
        return &operand.literal;
    const Json &start = operand.kind == FilterOperand::Kind::Current ? item : root;
    std::vector<const Json *> matches;
    collectMatches(operand.path, 0, start, root, matches, scratch);
    if (componentsDefinite(operand.path))
        return matches.empty() ? nullptr : matches.front();
    auto all = std::make_unique<Json>(Json::array());
    for (const Json *match : matches)
        all->push_back(*match);
    scratch.push_back(std::move(all));
    return scratch.back().get();
}

bool equalValues(const Json &a, const Json &b)
{
    if (a.is_number() && b.is_number())
        return a.get<double>() == b.get<double>();
    return a == b;
}

// Ordering only between two numbers or two strings; anything else does not compare.
bool ordered(const Json &a, const Json &b, FilterExpr::Op op)
{
    int cmp = 0;
    if (a.is_number() && b.is_number()) {
        double x = a.get<double>();
        double y = b.get<double>();
        cmp = x < y ? -1 : (x > y ? 1 : 0);
    } else if (a.is_string() && b.is_string()) {
        cmp = a.get_ref<const std::string &>().compare(b.get_ref<const std::string &>());
    } else {
        return false;
    }
    switch (op) {
    case FilterExpr::Op::Lt:
        return cmp < 0;
    case FilterExpr::Op::Le:
        return cmp <= 0;
    case FilterExpr::Op::Gt:
        return cmp > 0;
    case FilterExpr::Op::Ge:
        return cmp >= 0;
    default:
        return false;
    }
}

bool compare(const FilterExpr &expr, const Json &item, const Json &root)
{
    std::vector<std::unique_ptr<Json>> scratch;
    const Json *lhs = operandValue(expr.lhs, item, root, scratch);
    if (expr.op == FilterExpr::Op::Exists)
        return lhs != nullptr;
    const Json *rhs = operandValue(expr.rhs, item, root, scratch);
    if (lhs == nullptr || rhs == nullptr)
        return expr.op == FilterExpr::Op::Ne && (lhs != nullptr || rhs != nullptr);
    if (expr.op == FilterExpr::Op::Eq)
        return equalValues(*lhs, *rhs);
    if (expr.op == FilterExpr::Op::Ne)
        return !equalValues(*lhs, *rhs);
    return ordered(*lhs, *rhs, expr.op);
}

} // namespace

bool evaluateFilter(const FilterExpr &expr, const Json &item, const Json &root)
{
    switch (expr.op) {
    case FilterExpr::Op::Or:
        for (const auto &child : expr.children) {
            if (evaluateFilter(child, item, root))
                return true;
        }
        return false;
    case FilterExpr::Op::And:
        for (const auto &child : expr.children) {
            if (!evaluateFilter(child, item, root))
                return false;
        }
        return true;
    case FilterExpr::Op::Not:
        return !evaluateFilter(expr.children.front(), item, root);
    default:
        return compare(expr, item, root);
    }
}

} // namespace stepwise::jsonpath
