#pragma once
// File → New and File → Export: a fresh machine, the definition written as JSON or YAML, and the
// diagram as PNG or SVG. Exports never change the document's own path or saved state.
#include "core/asl/StateMachine.h"

#include <QString>

namespace stepwise::ui {

class Document;

enum class DefinitionFormat { Json, Yaml };

// What File → New opens: the smallest valid machine, one Pass state that ends.
asl::StateMachine newStateMachine();

// Writes the definition to `path` atomically, key order and unknown fields kept.
bool exportDefinition(const Document &document, const QString &path, DefinitionFormat format,
                      QString &error);

enum class TemplateFlavour { Sam, CloudFormation };

// Writes a SAM or CloudFormation template holding the machine (YAML, or JSON when `path` ends
// in .json), with ARNs lifted into DefinitionSubstitutions as `stepwise-cli export` does.
bool exportTemplate(const Document &document, const QString &path, TemplateFlavour flavour,
                    QString &error);

// Draws the document's diagram to `path` (.png or .svg) in the light theme at 2×, like
// `stepwise --render`, without touching the window's canvas (its selection, grid or zoom).
bool exportDiagram(const Document &document, const QString &path, QString &error);

} // namespace stepwise::ui
