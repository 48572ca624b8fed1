// Times the native JSONata engine on tests/bench/jsonata/workloads.json: each expression is
// compiled once, then evaluated in batches; prints one JSON line per workload with the median
// microseconds per evaluation (against a prepared Environment, as the engine evaluates a state's
// fields, and converting the input on every call) and the result, for run-jsonata-bench.sh to
// set beside the reference implementation's figures.
//
// Usage: bench_jsonata WORKLOADS.json SUITE_DIR [--min-batch-ms N] [--batches N] [--only NAME]
#include "core/jsonata/Jsonata.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using stepwise::Json;
namespace jsn = stepwise::jsonata;

namespace {

struct Workload
{
    std::string name;
    std::string expr;
    std::optional<Json> input;
    Json variables = Json::object();
};

std::optional<Json> readJson(const fs::path &path)
{
    std::ifstream in(path);
    if (!in)
        return std::nullopt;
    try {
        return Json::parse(in);
    } catch (const Json::exception &) {
        return std::nullopt;
    }
}

// A suite case file holds one case or an array of cases; the first one is the workload.
std::optional<Workload> fromSuite(const std::string &name, const fs::path &suiteDir,
                                  const std::string &relative)
{
    std::optional<Json> file = readJson(suiteDir / "groups" / relative);
    if (!file)
        return std::nullopt;
    const Json &c = file->is_array() ? file->at(0) : *file;
    Workload w;
    w.name = name;
    if (c.contains("expr"))
        w.expr = c["expr"].get<std::string>();
    else
        return std::nullopt;
    if (c.contains("data"))
        w.input = c["data"];
    else if (c.contains("dataset") && c["dataset"].is_string())
        w.input = readJson(suiteDir / "datasets" / (c["dataset"].get<std::string>() + ".json"));
    if (c.contains("bindings") && c["bindings"].is_object())
        w.variables = c["bindings"];
    return w;
}

double medianOf(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// Median microseconds per call of `evaluateOnce` over `batches` batches, each grown until it
// lasts `minBatchMs` so the clock's resolution does not matter.
template<typename F>
double timePerEval(double minBatchMs, int batches, F evaluateOnce)
{
    using Clock = std::chrono::steady_clock;
    long long perBatch = 1;
    for (;;) {
        const auto start = Clock::now();
        for (long long i = 0; i < perBatch; ++i)
            evaluateOnce();
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        if (ms >= minBatchMs || perBatch > (1LL << 30))
            break;
        perBatch *= 2;
    }
    std::vector<double> usPerEval;
    for (int b = 0; b < batches; ++b) {
        const auto start = Clock::now();
        for (long long i = 0; i < perBatch; ++i)
            evaluateOnce();
        const double us = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
        usPerEval.push_back(us / static_cast<double>(perBatch));
    }
    return medianOf(usPerEval);
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::cerr << "usage: bench_jsonata WORKLOADS.json SUITE_DIR [--min-batch-ms N] "
                     "[--batches N] [--only NAME]\n";
        return 2;
    }
    double minBatchMs = 50;
    int batches = 7;
    std::string only;
    for (int i = 3; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--min-batch-ms"))
            minBatchMs = std::atof(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--batches"))
            batches = std::max(1, std::atoi(argv[i + 1]));
        else if (!std::strcmp(argv[i], "--only"))
            only = argv[i + 1];
    }
    const std::optional<Json> spec = readJson(argv[1]);
    if (!spec) {
        std::cerr << "cannot read " << argv[1] << "\n";
        return 2;
    }
    const fs::path suiteDir = argv[2];
    // const operator[] on a missing key is undefined behaviour in nlohmann: check the shape.
    if (!spec->is_object() || !spec->contains("workloads") || !(*spec)["workloads"].is_array()) {
        std::cerr << argv[1] << ": expected an object with a \"workloads\" array\n";
        return 2;
    }
    const Json states = spec->value("states", Json::object());
    const Json input = states.is_object() ? states.value("input", Json(nullptr)) : Json(nullptr);

    for (const Json &entry : (*spec)["workloads"]) {
        const bool named = entry.is_object() && entry.contains("name") && entry["name"].is_string();
        const bool usable = named && ((entry.contains("suite") && entry["suite"].is_string())
                                      || (entry.contains("expr") && entry["expr"].is_string()));
        if (!usable) {
            std::cerr << argv[1] << ": a workload needs a \"name\" and an \"expr\" or \"suite\" "
                      << "string: " << entry.dump() << "\n";
            return 2;
        }
        const std::string name = entry["name"].get<std::string>();
        if (!only.empty() && name != only)
            continue;
        std::optional<Workload> w;
        if (entry.contains("suite")) {
            w = fromSuite(name, suiteDir, entry["suite"].get<std::string>());
        } else {
            w = Workload{name, entry["expr"].get<std::string>(), input, Json{{"states", states}}};
        }
        if (!w) {
            std::cout << Json{{"name", name}, {"error", "workload unavailable"}}.dump() << "\n";
            continue;
        }
        auto compiled = jsn::Expression::compile(w->expr);
        if (!compiled) {
            std::cout << Json{{"name", name}, {"error", compiled.error().code}}.dump() << "\n";
            continue;
        }
        jsn::Bindings bindings;
        jsn::addAwsFunctions(bindings);
        for (auto it = w->variables.begin(); it != w->variables.end(); ++it)
            bindings.variables[it.key()] = it.value();
        bindings.timeLimitMs = 0;

        // As the engine evaluates a state's fields: the input and $states converted once.
        const jsn::Environment env(w->input, bindings);
        auto first = jsn::evaluate(*compiled, env);
        if (!first) {
            std::cout << Json{{"name", name}, {"error", first.error().code}}.dump() << "\n";
            continue;
        }
        const double prepared = timePerEval(minBatchMs, batches, [&] {
            (void)jsn::evaluate(*compiled, env);
        });
        // Converting the input and bindings on every call, as a one-off evaluation does.
        const double converting = timePerEval(minBatchMs, batches, [&] {
            (void)jsn::evaluate(*compiled, w->input, bindings);
        });
        // Evaluations share the environment: the last must still give the first's value.
        auto last = jsn::evaluate(*compiled, env);
        if (!last || *last != *first) {
            std::cout << Json{{"name", name}, {"error", "result changed between evaluations"}}.dump()
                      << "\n";
            continue;
        }
        Json line{{"name", name},
                  {"us_per_eval", prepared},
                  {"us_per_eval_converting", converting}};
        line["result"] = first->has_value() ? **first : Json{{"undefined", true}};
        std::cout << line.dump() << "\n";
    }
    return 0;
}
