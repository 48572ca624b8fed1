#pragma once
// Adds clipboard states ({name: state}) to one machine: paste and duplicate. Names that clash
// are renamed; transitions between the pasted states follow the renames.
#include "ui/commands/SnapshotCommand.h"

#include <vector>

namespace stepwise::ui {

class PasteStatesCommand : public SnapshotCommand
{
public:
    PasteStatesCommand(Document *document, std::string scopePointer, Json states,
                       const QString &text, QUndoCommand *parent = nullptr);

    void redo() override;
    // The states added by the last redo().
    const std::vector<asl::StatePath> &pastedPaths() const { return m_pasted; }

private:
    std::string m_scopePointer;
    Json m_states;
    std::vector<asl::StatePath> m_pasted;
};

} // namespace stepwise::ui
