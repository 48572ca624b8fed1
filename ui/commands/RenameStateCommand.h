#pragma once
// Renames a state and every reference to it (asl::edits::renameState). The caller checks the
// name first (asl::edits::checkNewName).
#include "ui/commands/SnapshotCommand.h"

namespace stepwise::ui {

class RenameStateCommand : public SnapshotCommand
{
public:
    RenameStateCommand(Document *document, asl::StatePath path, std::string newName,
                       QUndoCommand *parent = nullptr);

    void redo() override;

private:
    asl::StatePath m_path;
    std::string m_newName;
};

} // namespace stepwise::ui
