#pragma once
// Points one transition (Next, a Choice rule, Default or a catcher) at another state, or unsets
// it (an empty target).
#include "ui/commands/SnapshotCommand.h"

#include <optional>

namespace stepwise::ui {

class SetTransitionCommand : public SnapshotCommand
{
public:
    SetTransitionCommand(Document *document, asl::StatePath from, asl::edits::Transition transition,
                         std::optional<std::string> target, QUndoCommand *parent = nullptr);

    void redo() override;

private:
    asl::StatePath m_from;
    asl::edits::Transition m_transition;
    std::optional<std::string> m_target;
};

} // namespace stepwise::ui
