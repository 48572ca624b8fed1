#pragma once
// A state machine opened from a SAM, CloudFormation or Serverless Framework template (issue 7):
// reading it out with every substitution resolved, and writing it back into the template on
// save, changing only the text of its definition (core/formats write-back).
#include "ui/document/DocumentIo.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace stepwise::ui {

class Document;

struct TemplateSource
{
    QString path;      // the template file
    QString logicalId; // the state machine's resource logical id (or Serverless key)
    QString kind;      // "SAM", "CloudFormation" or "Serverless Framework"
};

// The logical ids of every state machine in the template at `path`, in file order; empty with
// `error` set when the file cannot be read or holds none.
QStringList templateMachineIds(const QString &path, QString &error);

struct LoadedTemplate
{
    TemplateSource source;
    LoadedDocument document; // its path is the template's
    graph::Layout pins;      // from the machine's own layout sidecar, when there is one
};

// Reads machine `logicalId` out of the template at `path`; nullopt with `error` set when the
// file cannot be read or the machine cannot be resolved.
std::optional<LoadedTemplate> loadFromTemplate(const QString &path, const QString &logicalId,
                                               QString &error);

// Puts the machine into `document` (undo history cleared), its file path the template's.
void openTemplateInto(Document &document, LoadedTemplate loaded);

// Writes the document's machine back into the template as it is on disk now (so edits made to
// the rest of the file elsewhere survive), atomically, plus the layout sidecar; marks clean.
bool saveIntoTemplate(Document &document, const TemplateSource &source, QString &error);

} // namespace stepwise::ui
