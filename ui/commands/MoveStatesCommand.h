#pragma once
// A drag, pushed once on release: new positions for the dragged states (pinned from then on).
#include "ui/document/Document.h"

#include <QUndoCommand>

#include <map>

namespace stepwise::ui {

class MoveStatesCommand : public QUndoCommand
{
public:
    MoveStatesCommand(Document *document, std::map<std::string, graph::Point> to,
                      QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    Document *m_document;
    graph::Layout m_before;
    std::map<std::string, graph::Point> m_to;
};

} // namespace stepwise::ui
