#pragma once
// Deletes states (asl::edits::removeState splices their predecessors to their successor).
#include "ui/commands/SnapshotCommand.h"

#include <vector>

namespace stepwise::ui {

class RemoveStatesCommand : public SnapshotCommand
{
public:
    RemoveStatesCommand(Document *document, std::vector<asl::StatePath> paths,
                        QUndoCommand *parent = nullptr);

    void redo() override;

private:
    std::vector<asl::StatePath> m_paths;
};

} // namespace stepwise::ui
