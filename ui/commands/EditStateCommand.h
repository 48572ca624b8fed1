#pragma once
// Replaces one state by its edited version: an inspector commit. The undo text names the field
// when only one changed ("Change Retry of 'Pay'").
#include "ui/commands/SnapshotCommand.h"

namespace stepwise::ui {

class EditStateCommand : public SnapshotCommand
{
public:
    EditStateCommand(Document *document, asl::StatePath path, asl::State after,
                     QUndoCommand *parent = nullptr);

    void redo() override;

private:
    asl::StatePath m_path;
    asl::State m_after;
};

} // namespace stepwise::ui
