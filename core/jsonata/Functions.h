#pragma once
// The built-in function library, split by family (JSONata docs "Function library").
#include "core/jsonata/Callable.h"
#include "core/jsonata/Evaluator.h"

#include <string>
#include <vector>

namespace stepwise::jsonata {

using Args = std::vector<Value>;

// Each family adds its functions to the frame holding the built-ins.
void addStringFunctions(Frame &f);
void addNumericFunctions(Frame &f);
void addArrayFunctions(Frame &f);
void addObjectFunctions(Frame &f);
void addHigherOrderFunctions(Frame &f);
void addRegexFunctions(Frame &f);
void addEncodingFunctions(Frame &f);
void addDateTimeFunctions(Frame &f);
void addFormatFunctions(Frame &f);

// The shared, immutable frame with every built-in function.
const FramePtr &builtinFrame();

void define(Frame &f, const std::string &name, const std::string &signature, NativeFn fn);
std::string toJsString(const Value &v); // $string
// The match object a regex produces from position `from` in s, or undefined (docs "Regular expressions").
Value regexExec(const Callable &re, const std::string &s, std::size_t from);
// Code-point helpers: JSONata string functions count Unicode characters.
std::u32string toU32(const std::string &s);
std::string fromU32(const std::u32string &s);

} // namespace stepwise::jsonata
