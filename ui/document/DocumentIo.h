#pragma once
// Loading a definition from disk for the designer: the text, the parsed model (when it parses)
// and the validator's findings. Pure data; the window decides how to show it.
#include "core/asl/StateMachine.h"
#include "core/common/Diagnostic.h"

#include <QString>

#include <optional>
#include <vector>

namespace stepwise::ui {

struct LoadedDocument
{
    QString path;
    QString text;
    std::optional<asl::StateMachine> machine; // empty when the file is not a state machine
    std::vector<Diagnostic> diagnostics;      // syntax errors included
};

// Reads and checks `path`. Returns nullopt with `error` set only when the file cannot be read.
std::optional<LoadedDocument> loadDocument(const QString &path, QString &error);

// The same for text already in memory (an embedded example, say).
LoadedDocument loadDocumentText(const QString &path, const QString &text);

} // namespace stepwise::ui
