#pragma once
// An expected-like result: either a value or an error. Names follow std::expected so this can
// become an alias once the project moves to C++23.
#include <cassert>
#include <utility>
#include <variant>

namespace stepwise {

template <typename E>
struct Unexpected
{
    E error;
};

template <typename E>
Unexpected<std::decay_t<E>> unexpected(E &&error)
{
    return {std::forward<E>(error)};
}

template <typename T, typename E>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    template <typename G>
    Result(Unexpected<G> error) : m_data(std::in_place_index<1>, E(std::move(error.error)))
    {
    }

    bool hasValue() const { return m_data.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    T &value() &
    {
        assert(hasValue());
        return std::get<0>(m_data);
    }
    const T &value() const &
    {
        assert(hasValue());
        return std::get<0>(m_data);
    }
    T &&value() &&
    {
        assert(hasValue());
        return std::get<0>(std::move(m_data));
    }
    const E &error() const
    {
        assert(!hasValue());
        return std::get<1>(m_data);
    }
    E &error()
    {
        assert(!hasValue());
        return std::get<1>(m_data);
    }

    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

private:
    std::variant<T, E> m_data;
};

} // namespace stepwise
