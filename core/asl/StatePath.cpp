#include "core/asl/StatePath.h"

namespace stepwise::asl {

std::string escapePointerSegment(std::string_view segment)
{
    std::string out;
    out.reserve(segment.size());
    for (const char c : segment) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string unescapePointerSegment(std::string_view segment)
{
    std::string out;
    out.reserve(segment.size());
    for (std::size_t i = 0; i < segment.size(); ++i) {
        if (segment[i] == '~' && i + 1 < segment.size()) {
            out += segment[i + 1] == '1' ? '/' : '~';
            ++i;
        } else {
            out += segment[i];
        }
    }
    return out;
}

std::string StatePath::name() const
{
    const std::size_t slash = pointer.rfind('/');
    return slash == std::string::npos ? std::string()
                                      : unescapePointerSegment(pointer.substr(slash + 1));
}

std::string StatePath::scopePointer() const
{
    const std::size_t slash = pointer.rfind("/States/");
    return slash == std::string::npos ? std::string() : pointer.substr(0, slash);
}

StatePath StatePath::renamed(std::string_view newName) const
{
    return inScope(scopePointer(), newName);
}

bool StatePath::isWithin(const StatePath &ancestor) const
{
    if (pointer == ancestor.pointer)
        return true;
    return pointer.size() > ancestor.pointer.size() && pointer.starts_with(ancestor.pointer) &&
           pointer[ancestor.pointer.size()] == '/';
}

std::vector<std::string> StatePath::segments() const
{
    std::vector<std::string> out;
    std::size_t start = 1;
    while (start <= pointer.size() && !pointer.empty()) {
        const std::size_t end = pointer.find('/', start);
        const std::size_t stop = end == std::string::npos ? pointer.size() : end;
        out.push_back(
            unescapePointerSegment(std::string_view(pointer).substr(start, stop - start)));
        if (end == std::string::npos)
            break;
        start = end + 1;
    }
    return out;
}

StatePath StatePath::inScope(std::string_view scopePointer, std::string_view name)
{
    return StatePath{std::string(scopePointer) + "/States/" + escapePointerSegment(name)};
}

} // namespace stepwise::asl
