#pragma once
// A heap-allocated value with value semantics (deep copy), for recursive model types such as a
// Map state that owns a nested state machine.
#include <memory>

namespace stepwise {

template <typename T>
class Box
{
public:
    Box() : m_ptr(std::make_unique<T>()) {}
    Box(T value) : m_ptr(std::make_unique<T>(std::move(value))) {}
    Box(const Box &other) : m_ptr(std::make_unique<T>(*other.m_ptr)) {}
    Box(Box &&other) noexcept = default;
    Box &operator=(const Box &other)
    {
        if (this != &other)
            m_ptr = std::make_unique<T>(*other.m_ptr);
        return *this;
    }
    Box &operator=(Box &&other) noexcept = default;
    ~Box() = default;

    T &operator*() { return *m_ptr; }
    const T &operator*() const { return *m_ptr; }
    T *operator->() { return m_ptr.get(); }
    const T *operator->() const { return m_ptr.get(); }

private:
    std::unique_ptr<T> m_ptr;
};

} // namespace stepwise
