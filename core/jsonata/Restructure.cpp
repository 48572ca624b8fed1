// Restructuring pass over the raw Pratt tree (JSONata docs "Path operators", "Predicate
// queries", "Sorting, grouping", "Parent operator"): '.' chains become path steps, predicates
// become step stages, and tail calls in lambda bodies are marked for trampolining.
#include "core/jsonata/Parser.h"

namespace stepwise::jsonata {

namespace {

[[noreturn]] void fail(const char *code, std::string message, std::size_t position,
                       std::string token = {})
{
    throw EvalError{code, std::move(message), position, std::move(token), std::nullopt};
}

class Restructurer
{
public:
    NodePtr process(const NodePtr &n, std::vector<Node *> &seekers);

private:
    NodePtr path(const NodePtr &n, std::vector<Node *> &seekers);
    NodePtr predicate(const NodePtr &n, std::vector<Node *> &seekers);
    NodePtr tupleBinding(const NodePtr &n, std::vector<Node *> &seekers);
    static void finishPath(Node &p);
    static void markTail(Node &n);
    int m_labels = 0;
};

NodePtr asPath(const NodePtr &n)
{
    if (n->kind == NodeKind::Path)
        return n;
    auto p = std::make_shared<Node>();
    p->kind = NodeKind::Path;
    p->position = n->position;
    p->children.push_back(n);
    return p;
}

void appendStep(Node &p, const NodePtr &step)
{
    if (step->kind == NodeKind::Path) {
        for (auto &s : step->children)
            p.children.push_back(s);
        p.keepSingletonArray = p.keepSingletonArray || step->keepSingletonArray;
        return;
    }
    for (auto &pr : step->predicates)
        step->stages.push_back(pr);
    step->predicates.clear();
    p.children.push_back(step);
}

// Resolves parent (%) references against earlier steps: each non-parent step climbs one level.
void resolveSeekers(Node &p, std::size_t from, std::vector<Node *> &pending,
                    std::vector<Node *> &unresolved)
{
    for (Node *seeker : pending) {
        int level = seeker->parentLevel;
        bool done = false;
        for (std::size_t j = from + 1; j-- > 0;) {
            Node &step = *p.children[j];
            if (step.kind == NodeKind::Parent) {
                ++level;
                continue;
            }
            if (--level == 0) {
                if (step.kind == NodeKind::Variable || step.kind == NodeKind::ObjectCons ||
                    step.kind == NodeKind::ArrayCons)
                    fail("S0217", "The object representing the 'parent' cannot be derived from "
                                  "this expression", seeker->position, "%");
                step.tuple = true;
                if (step.flags.empty())
                    step.flags = seeker->value; // ancestor label bound to the step's input
                else
                    seeker->value = step.flags;
                p.hasParentRef = true;
                done = true;
                break;
            }
        }
        if (!done) {
            seeker->parentLevel = level;
            unresolved.push_back(seeker);
        }
    }
}

void Restructurer::finishPath(Node &p)
{
    for (std::size_t i = 0; i < p.children.size(); ++i) {
        auto &step = p.children[i];
        if (step->kind == NodeKind::Number || step->kind == NodeKind::Literal)
            fail("S0213", "The literal value " + step->value +
                              " cannot be used as a step within a path expression",
                 step->position, step->value);
        if (step->kind == NodeKind::String)
            step->kind = NodeKind::Name;
        if (step->keepArray)
            p.keepSingletonArray = true;
        if (step->tuple)
            p.hasParentRef = true;
    }
    if (!p.children.empty() && p.children.front()->kind == NodeKind::ArrayCons)
        p.children.front()->consArray = true;
    if (!p.children.empty() && p.children.back()->kind == NodeKind::ArrayCons)
        p.children.back()->consArray = true;
}

NodePtr Restructurer::path(const NodePtr &n, std::vector<Node *> &seekers)
{
    auto p = std::make_shared<Node>();
    p->kind = NodeKind::Path;
    p->position = n->position;
    std::vector<Node *> left, right, unresolved;
    NodePtr lstep = process(n->lhs, left);
    appendStep(*p, lstep);
    std::size_t boundary = p->children.size();
    NodePtr rest = process(n->rhs, right);
    appendStep(*p, rest);
    for (Node *s : left)
        unresolved.push_back(s);
    std::vector<Node *> pending;
    for (Node *s : right) {
        if (s->parentLevel > 0 && boundary > 0)
            pending.push_back(s);
        else
            unresolved.push_back(s);
    }
    resolveSeekers(*p, boundary - 1, pending, unresolved);
    finishPath(*p);
    for (Node *s : unresolved)
        seekers.push_back(s);
    return p;
}

NodePtr Restructurer::predicate(const NodePtr &n, std::vector<Node *> &seekers)
{
    NodePtr result = process(n->lhs, seekers);
    Node *step = result.get();
    bool stages = false;
    if (result->kind == NodeKind::Path && !result->children.empty()) {
        step = result->children.back().get();
        stages = true;
    }
    if (step->hasGroup)
        fail("S0209", "A predicate cannot follow a grouping expression in a step", n->position);
    std::vector<Node *> inner;
    Stage st;
    st.expr = process(n->rhs, inner);
    st.position = n->position;
    if (stages && !inner.empty()) {
        std::vector<Node *> unresolved;
        resolveSeekers(*result, result->children.size() - 1, inner, unresolved);
        for (Node *s : unresolved)
            seekers.push_back(s);
    } else {
        for (Node *s : inner)
            seekers.push_back(s);
    }
    (stages ? step->stages : step->predicates).push_back(st);
    return result;
}

NodePtr Restructurer::tupleBinding(const NodePtr &n, std::vector<Node *> &seekers)
{
    NodePtr result = asPath(process(n->lhs, seekers));
    Node &step = *result->children.back();
    const std::string &var = n->rhs->value;
    if (n->value == "@") {
        if (!step.stages.empty() || !step.predicates.empty())
            fail("S0215", "A context variable binding must precede any predicates on a step",
                 n->position);
        if (step.kind == NodeKind::Sort)
            fail("S0216", "A context variable binding must precede the 'order-by' clause on a step",
                 n->position);
        step.focus = var;
    } else if (step.stages.empty()) {
        step.indexVar = var;
    } else {
        Stage st;
        st.isIndex = true;
        st.var = var;
        st.position = n->position;
        step.stages.push_back(st);
    }
    if (n->keepArray) {
        step.keepArray = true;
        result->keepSingletonArray = true;
    }
    step.tuple = true;
    result->hasParentRef = true;
    return result;
}

void Restructurer::markTail(Node &n)
{
    if (n.kind == NodeKind::Call && n.predicates.empty() && !n.hasGroup && !n.keepArray)
        n.tail = true;
    else if (n.kind == NodeKind::Condition) {
        markTail(*n.rhs);
        if (n.third)
            markTail(*n.third);
    } else if (n.kind == NodeKind::Block && !n.children.empty())
        markTail(*n.children.back());
}

NodePtr Restructurer::process(const NodePtr &n, std::vector<Node *> &seekers)
{
    switch (n->kind) {
    case NodeKind::Binary:
        if (n->value == ".")
            return path(n, seekers);
        if (n->value == "[")
            return predicate(n, seekers);
        if (n->value == "@" || n->value == "#")
            return tupleBinding(n, seekers);
        if (n->value == "{") {
            NodePtr result = process(n->lhs, seekers);
            if (result->hasGroup)
                fail("S0210", "Each step can only have one grouping expression", n->position);
            result->hasGroup = true;
            result->groupPosition = n->position;
            for (auto &[k, v] : n->pairs)
                result->group.emplace_back(process(k, seekers), process(v, seekers));
            return result;
        }
        n->lhs = process(n->lhs, seekers);
        n->rhs = process(n->rhs, seekers);
        return n;
    case NodeKind::Sort: {
        NodePtr result = asPath(process(n->lhs, seekers));
        auto sortStep = std::make_shared<Node>();
        sortStep->kind = NodeKind::Sort;
        sortStep->position = n->position;
        std::vector<Node *> inner, unresolved;
        for (auto &t : n->sortTerms)
            sortStep->sortTerms.push_back({process(t.expr, inner), t.descending});
        result->children.push_back(sortStep);
        // Sort terms see each item of the preceding step, so % climbs from that step.
        if (result->children.size() >= 2)
            resolveSeekers(*result, result->children.size() - 2, inner, unresolved);
        else
            unresolved = inner;
        for (Node *s : unresolved)
            seekers.push_back(s);
        return result;
    }
    case NodeKind::Bind:
        if (n->lhs->kind != NodeKind::Variable)
            fail("S0212", "The left side of := must be a variable name (start with $)",
                 n->lhs->position, n->lhs->value);
        n->rhs = process(n->rhs, seekers);
        return n;
    case NodeKind::Apply:
    case NodeKind::Coalesce:
    case NodeKind::Default:
        n->lhs = process(n->lhs, seekers);
        n->rhs = process(n->rhs, seekers);
        return n;
    case NodeKind::Condition:
        n->lhs = process(n->lhs, seekers);
        n->rhs = process(n->rhs, seekers);
        if (n->third)
            n->third = process(n->third, seekers);
        return n;
    case NodeKind::Call:
    case NodeKind::Partial:
        n->lhs = process(n->lhs, seekers);
        for (auto &c : n->children)
            c = process(c, seekers);
        return n;
    case NodeKind::Lambda:
        n->lhs = process(n->lhs, seekers);
        markTail(*n->lhs);
        return n;
    case NodeKind::Block:
    case NodeKind::ArrayCons:
        for (auto &c : n->children)
            c = process(c, seekers);
        return n;
    case NodeKind::ObjectCons:
        for (auto &[k, v] : n->pairs) {
            k = process(k, seekers);
            v = process(v, seekers);
        }
        return n;
    case NodeKind::Transform:
        n->lhs = process(n->lhs, seekers);
        n->rhs = process(n->rhs, seekers);
        if (n->third)
            n->third = process(n->third, seekers);
        return n;
    case NodeKind::Negate:
        n->lhs = process(n->lhs, seekers);
        if (n->lhs->kind == NodeKind::Number) {
            n->lhs->number = -n->lhs->number;
            n->lhs->value = "-" + n->lhs->value;
            return n->lhs;
        }
        return n;
    case NodeKind::Name: {
        NodePtr p = asPath(n);
        p->keepSingletonArray = n->keepArray;
        return p;
    }
    case NodeKind::Parent: {
        n->value = "!" + std::to_string(m_labels++);
        n->parentLevel = 1;
        NodePtr p = asPath(n);
        seekers.push_back(n.get());
        return p;
    }
    default: return n;
    }
}

} // namespace

NodePtr restructure(const NodePtr &raw)
{
    Restructurer r;
    std::vector<Node *> seekers;
    NodePtr root = r.process(raw, seekers);
    for (Node *s : seekers)
        if (s->parentLevel > 0)
            fail("S0217", "The object representing the 'parent' cannot be derived from this expression",
                 s->position, "%");
    return root;
}

} // namespace stepwise::jsonata
