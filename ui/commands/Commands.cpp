// Redo/undo of each designer command (ARCHITECTURE.md §6.2: the constructor captures, redo()
// applies, undo() reverts).
#include "ui/commands/MoveStatesCommand.h"
#include "ui/commands/RemoveStatesCommand.h"
#include "ui/commands/RenameStateCommand.h"
#include "ui/commands/ReplaceMachineCommand.h"
#include "ui/commands/SetTransitionCommand.h"

#include <QCoreApplication>

namespace stepwise::ui {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Commands", text);
}
} // namespace

QString quotedName(const asl::StatePath &path)
{
    return QStringLiteral("'%1'").arg(QString::fromStdString(path.name()));
}

MoveStatesCommand::MoveStatesCommand(Document *document, std::map<std::string, graph::Point> to,
                                     QUndoCommand *parent)
    : QUndoCommand(parent), m_document(document), m_before(document->layout()), m_to(std::move(to))
{
    setText(m_to.size() == 1 ? tr("Move %1").arg(quotedName(asl::StatePath{m_to.begin()->first}))
                             : tr("Move %1 states").arg(m_to.size()));
}

void MoveStatesCommand::redo()
{
    m_document->moveStates(m_to);
}

void MoveStatesCommand::undo()
{
    m_document->setLayout(m_before);
}

RenameStateCommand::RenameStateCommand(Document *document, asl::StatePath path, std::string newName,
                                       QUndoCommand *parent)
    : SnapshotCommand(document, parent), m_path(std::move(path)), m_newName(std::move(newName))
{
    setText(tr("Rename %1 to '%2'").arg(quotedName(m_path), QString::fromStdString(m_newName)));
}

void RenameStateCommand::redo()
{
    const auto renamed = document()->renameState(m_path, m_newName);
    Q_ASSERT(renamed.hasValue());
}

RemoveStatesCommand::RemoveStatesCommand(Document *document, std::vector<asl::StatePath> paths,
                                         QUndoCommand *parent)
    : SnapshotCommand(document, parent), m_paths(std::move(paths))
{
    setText(m_paths.size() == 1 ? tr("Delete %1").arg(quotedName(m_paths.front()))
                                : tr("Delete %1 states").arg(m_paths.size()));
}

void RemoveStatesCommand::redo()
{
    const auto removed = document()->removeStates(m_paths);
    Q_ASSERT(removed.hasValue());
}

SetTransitionCommand::SetTransitionCommand(Document *document, asl::StatePath from,
                                           asl::edits::Transition transition,
                                           std::optional<std::string> target, QUndoCommand *parent)
    : SnapshotCommand(document, parent), m_from(std::move(from)), m_transition(transition),
      m_target(std::move(target))
{
    setText(
        m_target
            ? tr("Connect %1 to '%2'").arg(quotedName(m_from), QString::fromStdString(*m_target))
            : m_transition.kind == asl::edits::TransitionKind::Next
                  ? tr("End the flow at %1").arg(quotedName(m_from))
                  : tr("Disconnect %1").arg(quotedName(m_from)));
}

void SetTransitionCommand::redo()
{
    const auto set = document()->setTransition(m_from, m_transition, m_target);
    Q_ASSERT(set.hasValue());
}

ReplaceMachineCommand::ReplaceMachineCommand(Document *document, asl::StateMachine machine,
                                             const QString &text, QUndoCommand *parent)
    : SnapshotCommand(document, parent), m_after(std::move(machine))
{
    setText(text.isEmpty() ? tr("Edit definition") : text);
}

void ReplaceMachineCommand::redo()
{
    document()->replaceMachine(m_after);
}

} // namespace stepwise::ui
