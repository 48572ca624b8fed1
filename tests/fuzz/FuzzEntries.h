#pragma once
// One plain function per fuzz target, shared by the libFuzzer mains (fuzz_<name>.cpp, clang
// build with STEPWISE_FUZZ) and by tst_fuzz_regressions (normal build), so every input a fuzzer
// ever crashed on is replayed by CTest through exactly the code the fuzzer ran.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace stepwise::fuzz {

// Each returns 0 (libFuzzer's convention); a defect shows as a crash or a sanitizer report.
int fuzzAsl(const std::uint8_t *data, std::size_t size);           // parse + validate + write back
int fuzzJsonpath(const std::uint8_t *data, std::size_t size);      // parse + evaluate + assign
int fuzzIntrinsics(const std::uint8_t *data, std::size_t size);    // parse + evaluate
int fuzzJsonata(const std::uint8_t *data, std::size_t size);       // compile + bounded evaluate
int fuzzHandlersConfig(const std::uint8_t *data, std::size_t size); // byte 0: mock config | bindings

using Entry = int (*)(const std::uint8_t *, std::size_t);

// The entry of a target named as its regression folder ("fuzz_asl", ...); nullptr if unknown.
Entry entryFor(std::string_view targetName);

} // namespace stepwise::fuzz
