#pragma once
// Sets or removes one top-level field of the machine (StartAt, Comment, QueryLanguage,
// TimeoutSeconds, Version).
#include "ui/commands/SnapshotCommand.h"

#include <optional>

namespace stepwise::ui {

class SetMachineFieldCommand : public SnapshotCommand
{
public:
    SetMachineFieldCommand(Document *document, std::string key, std::optional<Json> value,
                           QUndoCommand *parent = nullptr);

    void redo() override;

private:
    std::string m_key;
    std::optional<Json> m_value;
};

} // namespace stepwise::ui
