#pragma once
// A value computed on first read and kept. For data an API offers on every call but few callers
// read, e.g. the context object a Task handler receives: building it copies the execution input.
#include <functional>
#include <optional>
#include <utility>

namespace stepwise {

template <typename T>
class Lazy
{
public:
    Lazy() = default;
    Lazy(T value) : m_value(std::move(value)) {} // already known: no deferred work
    explicit Lazy(std::function<T()> make) : m_make(std::move(make)) {}

    // The value; computed now when it is read for the first time (T{} without a maker).
    const T &get() const
    {
        if (!m_value)
            m_value = m_make ? m_make() : T{};
        return *m_value;
    }
    const T &operator*() const { return get(); }
    const T *operator->() const { return &get(); }
    bool computed() const { return m_value.has_value(); }

private:
    std::function<T()> m_make;
    mutable std::optional<T> m_value;
};

} // namespace stepwise
