#pragma once
// Pratt parser for JSONata (docs "Expression syntax", operator precedence table) followed by
// the restructuring pass that turns '.' chains into path steps with predicate stages.
#include "core/jsonata/Ast.h"
#include "core/jsonata/Lexer.h"

#include <string_view>

namespace stepwise::jsonata {

// Throws EvalError (S02xx codes) on syntax errors.
NodePtr parseExpression(std::string_view text);

// Restructures a raw parse tree (Restructure.cpp).
NodePtr restructure(const NodePtr &raw);

} // namespace stepwise::jsonata
