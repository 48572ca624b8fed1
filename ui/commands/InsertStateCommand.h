#pragma once
// Adds one state (a palette item, dropped or double-clicked), optionally spliced into a
// transition and pinned where it was dropped. The caller checks the insert on a copy first.
#include "ui/commands/SnapshotCommand.h"

#include <optional>

namespace stepwise::ui {

class InsertStateCommand : public SnapshotCommand
{
public:
    InsertStateCommand(Document *document, std::string scopePointer, asl::State state,
                       std::optional<asl::edits::Link> link, std::optional<graph::Point> pin,
                       const QString &displayName, QUndoCommand *parent = nullptr);

    void redo() override;
    // Where the state landed (its name made unique); empty before the first redo().
    const asl::StatePath &insertedPath() const { return m_inserted; }

private:
    std::string m_scopePointer;
    asl::State m_state;
    std::optional<asl::edits::Link> m_link;
    std::optional<graph::Point> m_pin;
    asl::StatePath m_inserted;
};

} // namespace stepwise::ui
