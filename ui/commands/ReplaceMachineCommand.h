#pragma once
// Replaces the whole machine (a raw-JSON edit, a paste of a definition).
#include "ui/commands/SnapshotCommand.h"

namespace stepwise::ui {

class ReplaceMachineCommand : public SnapshotCommand
{
public:
    ReplaceMachineCommand(Document *document, asl::StateMachine machine, const QString &text = {},
                          QUndoCommand *parent = nullptr);

    void redo() override;

private:
    asl::StateMachine m_after;
};

} // namespace stepwise::ui
