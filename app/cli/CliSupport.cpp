#include "app/cli/CliSupport.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace stepwise::cli {

std::optional<std::string> readFile(const std::string &path, std::string &error)
{
    if (path == "-") {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        return buffer.str();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read '" + path + "': " + std::strerror(errno);
        return std::nullopt;
    }
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool writeFile(const std::string &path, const std::string &text, std::string &error)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        error = "cannot write '" + path + "': " + std::strerror(errno);
        return false;
    }
    out << text;
    out.flush();
    if (!out) {
        error = "cannot write '" + path + "': " + std::strerror(errno);
        return false;
    }
    return true;
}

int usageError(const std::string &command, const std::string &message)
{
    std::cerr << "stepwise-cli " << command << ": " << message << "\n"
              << "Try 'stepwise-cli " << command << " --help'.\n";
    return 2;
}

bool isHelpFlag(const std::string &arg)
{
    return arg == "--help" || arg == "-h";
}

} // namespace stepwise::cli
