#pragma once
// Files for the designer: reading a definition (text, model when it parses, the validator's
// findings), its layout sidecar, and saving both back.
#include "core/asl/StateMachine.h"
#include "core/common/Diagnostic.h"
#include "core/graph/Layout.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

namespace stepwise::ui {

class Document;

struct LoadedDocument
{
    QString path;
    QString text;
    std::optional<asl::StateMachine> machine; // empty when the file is not a state machine
    std::vector<Diagnostic> diagnostics;      // syntax errors included
};

// Writes all or nothing (QSaveFile): a failed write, a full disk say, leaves the old file intact.
bool writeAtomically(const QString &path, const QByteArray &bytes, QString &error);

// The largest file the designer opens. AWS accepts definitions up to 1 MiB; past a few MiB a
// file is not a state machine anyone can edit, and parsing, checking and laying it out would
// freeze the window, so it is refused with a message instead.
inline constexpr qint64 maxDefinitionFileBytes = 8 * 1024 * 1024;

// Reads and checks `path`. Returns nullopt with `error` set only when the file cannot be read
// or is larger than maxDefinitionFileBytes.
std::optional<LoadedDocument> loadDocument(const QString &path, QString &error);

// The same for text already in memory (an embedded example, say).
LoadedDocument loadDocumentText(const QString &path, const QString &text);

// The pinned positions from `<name>.layout.json` next to `aslPath`; empty when there is none
// or it cannot be read.
graph::Layout loadLayoutSidecar(const QString &aslPath);

// Puts a loaded file into `document` (its sidecar positions included).
void openInto(Document &document, LoadedDocument loaded);

// Writes the definition to `path` (JSON, or YAML for .yaml/.yml; key order and unknown fields
// kept) atomically with QSaveFile, then the layout sidecar, and marks the document clean.
bool saveDocument(Document &document, const QString &path, QString &error);

} // namespace stepwise::ui
