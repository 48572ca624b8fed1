#pragma once
// The JSONata tree-walking evaluator (JSONata docs "Processing model"). Internally errors are
// thrown as EvalError and converted to values at the public API boundary.
#include "core/jsonata/Ast.h"
#include "core/jsonata/Callable.h"

#include <chrono>
#include <functional>

namespace stepwise::jsonata {

[[noreturn]] void throwError(const char *code, std::string message, std::size_t position = 0,
                             std::string token = {});

class Evaluator
{
public:
    Evaluator(std::size_t maxDepth, long long timeLimitMs, std::function<double()> random);
    // Empties the frames `:=` wrote to: a function bound in the frame it closes over is a
    // shared_ptr cycle that would otherwise leak the frame, the function and everything they
    // hold (found by fuzz_jsonata). The evaluation is over by then; its result is JSON.
    ~Evaluator();
    Evaluator(const Evaluator &) = delete;
    Evaluator &operator=(const Evaluator &) = delete;

    Value evaluate(const Node &n, const Value &input, const FramePtr &env);
    Value apply(const Value &fn, std::vector<Value> args, const Value &input);
    // Calls fn with as many of (a, b, c) as its arity accepts (higher-order functions).
    Value applyHof(const Value &fn, const Value &a, const Value &b, const Value &c);
    double random() { return m_random(); }
    const FramePtr &rootFrame() const { return m_root; }
    void setRootFrame(FramePtr f) { m_root = std::move(f); }
    // Keeps an AST parsed during evaluation ($eval) alive as long as closures may use it.
    void keepAlive(NodePtr ast) { m_owned.push_back(std::move(ast)); }

private:
    Value dispatch(const Node &n, const Value &input, const FramePtr &env);
    Value evalPath(const Node &n, const Value &input, const FramePtr &env);
    std::optional<Value> navigatePlain(const Node &n, const Value &input, const FramePtr &env);
    Value evalStep(const Node &step, const Value &input, const FramePtr &env, bool last);
    Value evalTupleStep(const Node &step, const Value &input, const Value *tuples,
                        const FramePtr &env);
    Value evalStages(const std::vector<Stage> &stages, Value input, const FramePtr &env);
    Value evalFilter(const Node &pred, const Value &input, const FramePtr &env);
    Value evalGroup(const std::vector<std::pair<NodePtr, NodePtr>> &pairs, const Value &input,
                    const FramePtr &env);
    Value evalSort(const Node &n, const Value &input, const FramePtr &env);
    Value evalBinary(const Node &n, const Value &input, const FramePtr &env);
    Value evalCall(const Node &n, const Value &input, const FramePtr &env, const Value *applyTo);
    Value evalPartial(const Node &n, const Value &input, const FramePtr &env);
    Value evalApplyOp(const Node &n, const Value &input, const FramePtr &env);
    Value evalTransform(const Node &n, const FramePtr &env);
    Value applyInner(const Value &fn, std::vector<Value> args, const Value &input);
    Value makeLambda(const Node &n, const Value &input, const FramePtr &env);
    Value makeRegex(const Node &n);
    void checkBudget(std::size_t position);
    // The time limit checked every `kTickInterval` calls, for loops over large sequences that
    // evaluate nothing per item (so checkBudget never runs): a 1e7-item range stops at U1001.
    void tick(std::size_t position)
    {
        if (++m_ticks % kTickInterval == 0)
            checkTime(position);
    }
    void checkTime(std::size_t position);
    static constexpr std::size_t kTickInterval = 1 << 14;
    std::size_t m_ticks = 0;

    FramePtr m_root;
    std::vector<NodePtr> m_owned;
    std::vector<std::weak_ptr<Frame>> m_boundFrames; // frames `:=` wrote to (see ~Evaluator)
    std::size_t m_maxDepth;
    std::size_t m_depth = 0;
    long long m_timeLimitMs;
    std::size_t m_steps = 0;
    std::chrono::steady_clock::time_point m_start;
    std::function<double()> m_random;
};

FramePtr frameFromTuple(const FramePtr &env, const Value &tuple);
Value lookupField(const Value &input, const std::string &key);
Value appendValues(const Value &a, const Value &b); // $append semantics
Value deepClone(const Value &v);

} // namespace stepwise::jsonata
