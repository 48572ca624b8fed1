#pragma once
// Counts one level of recursion for as long as it lives: recursive parsers bound their depth
// with it, so hostile text cannot exhaust the stack.
namespace stepwise {

class DepthGuard
{
public:
    explicit DepthGuard(int &depth) : m_depth(depth) { ++m_depth; }
    ~DepthGuard() { --m_depth; }
    DepthGuard(const DepthGuard &) = delete;
    DepthGuard &operator=(const DepthGuard &) = delete;

    int depth() const { return m_depth; }

private:
    int &m_depth;
};

} // namespace stepwise
