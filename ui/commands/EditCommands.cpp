// Redo of the editing commands added for the palette, the inspector and the clipboard
// (ARCHITECTURE.md §6.2: the constructor captures, redo() applies; SnapshotCommand undoes).
#include "core/asl/EditsState.h"
#include "ui/commands/EditStateCommand.h"
#include "ui/commands/InsertStateCommand.h"
#include "ui/commands/PasteStatesCommand.h"
#include "ui/commands/SetMachineFieldCommand.h"

#include <QCoreApplication>

namespace stepwise::ui {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Commands", text);
}
} // namespace

InsertStateCommand::InsertStateCommand(Document *document, std::string scopePointer,
                                       asl::State state, std::optional<asl::edits::Link> link,
                                       std::optional<graph::Point> pin, const QString &displayName,
                                       QUndoCommand *parent)
    : SnapshotCommand(document, parent), m_scopePointer(std::move(scopePointer)),
      m_state(std::move(state)), m_link(std::move(link)), m_pin(pin)
{
    setText(tr("Insert %1").arg(displayName));
}

void InsertStateCommand::redo()
{
    auto inserted = document()->insertState(m_scopePointer, m_state, m_link, m_pin);
    Q_ASSERT(inserted.hasValue());
    if (inserted)
        m_inserted = *inserted;
}

EditStateCommand::EditStateCommand(Document *document, asl::StatePath path, asl::State after,
                                   QUndoCommand *parent)
    : SnapshotCommand(document, parent), m_path(std::move(path)), m_after(std::move(after))
{
    const asl::State *before = asl::edits::findState(document->machine(), m_path);
    const std::vector<std::string> changed =
        before ? asl::edits::changedKeys(asl::edits::stateToJson(*before),
                                         asl::edits::stateToJson(m_after))
               : std::vector<std::string>{};
    setText(changed.size() == 1 ? tr("Change %1 of %2")
                                      .arg(QString::fromStdString(changed.front()),
                                           quotedName(m_path))
                                : tr("Edit %1").arg(quotedName(m_path)));
}

void EditStateCommand::redo()
{
    const auto replaced = document()->replaceState(m_path, m_after);
    Q_ASSERT(replaced.hasValue());
}

SetMachineFieldCommand::SetMachineFieldCommand(Document *document, std::string key,
                                               std::optional<Json> value, QUndoCommand *parent)
    : SnapshotCommand(document, parent), m_key(std::move(key)), m_value(std::move(value))
{
    setText((m_value ? tr("Change %1") : tr("Remove %1")).arg(QString::fromStdString(m_key)));
}

void SetMachineFieldCommand::redo()
{
    const auto set = document()->setMachineField(m_key, m_value);
    Q_ASSERT(set.hasValue());
}

PasteStatesCommand::PasteStatesCommand(Document *document, std::string scopePointer, Json states,
                                       const QString &text, QUndoCommand *parent)
    : SnapshotCommand(document, parent), m_scopePointer(std::move(scopePointer)),
      m_states(std::move(states))
{
    setText(text);
}

void PasteStatesCommand::redo()
{
    auto pasted = document()->pasteStates(m_scopePointer, m_states);
    Q_ASSERT(pasted.hasValue());
    if (pasted)
        m_pasted = std::move(pasted).value();
}

} // namespace stepwise::ui
