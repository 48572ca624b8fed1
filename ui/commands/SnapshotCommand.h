#pragma once
// Base of the commands that change the machine: the constructor captures the document as it is
// (machine and layout, by value), undo() puts that snapshot back exactly. Subclasses' redo()
// applies their edit through the Document's mutation API.
#include "ui/document/Document.h"

#include <QUndoCommand>

namespace stepwise::ui {

class SnapshotCommand : public QUndoCommand
{
public:
    explicit SnapshotCommand(Document *document, QUndoCommand *parent = nullptr)
        : QUndoCommand(parent), m_document(document), m_machine(document->machine()),
          m_layout(document->layout())
    {}

    void undo() override { m_document->restore(m_machine, m_layout); }

protected:
    Document *document() const { return m_document; }

private:
    Document *m_document;
    asl::StateMachine m_machine;
    graph::Layout m_layout;
};

QString quotedName(const asl::StatePath &path);

} // namespace stepwise::ui
