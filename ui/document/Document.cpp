#include "ui/document/Document.h"

#include "core/asl/EditsState.h"
#include "core/asl/Serializer.h"
#include "core/asl/Validator.h"
#include "core/graph/AutoLayout.h"

#include <QUndoStack>

namespace stepwise::ui {

Document::Document(QObject *parent) : QObject(parent), m_undoStack(new QUndoStack(this))
{
    connect(m_undoStack, &QUndoStack::cleanChanged, this, &Document::cleanChanged);
}

void Document::reset(asl::StateMachine machine, const graph::Layout &pins, const QString &filePath)
{
    m_undoStack->clear();
    m_machine = std::move(machine);
    setFilePath(filePath);
    machineEdited(pins);
    m_undoStack->setClean();
}

void Document::resetBroken(std::vector<Diagnostic> diagnostics, const QString &filePath)
{
    m_undoStack->clear();
    m_machine.reset();
    m_graph = {};
    m_layout = {};
    m_diagnostics = std::move(diagnostics);
    setFilePath(filePath);
    emit machineChanged();
    emit layoutChanged();
    emit diagnosticsChanged();
}

const asl::StateMachine &Document::machine() const
{
    Q_ASSERT(m_machine);
    return *m_machine;
}

void Document::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    emit filePathChanged(path);
}

bool Document::isClean() const
{
    return m_undoStack->isClean();
}

void Document::markClean()
{
    m_undoStack->setClean();
}

Result<asl::StatePath, std::string> Document::renameState(const asl::StatePath &path,
                                                          const std::string &newName)
{
    Q_ASSERT(m_machine);
    auto renamed = asl::edits::renameState(*m_machine, path, newName);
    if (!renamed)
        return renamed;
    graph::Layout pins = m_layout;
    graph::renameIds(pins, path.pointer, renamed->pointer);
    machineEdited(std::move(pins));
    return renamed;
}

Result<bool, std::string> Document::removeStates(const std::vector<asl::StatePath> &paths)
{
    Q_ASSERT(m_machine);
    asl::StateMachine edited = *m_machine;
    for (const asl::StatePath &path : paths) {
        if (!asl::edits::findState(edited, path))
            continue; // already gone with a container removed before it
        auto removed = asl::edits::removeState(edited, path);
        if (!removed)
            return removed;
    }
    m_machine = std::move(edited);
    machineEdited(m_layout);
    return true;
}

Result<bool, std::string> Document::setTransition(const asl::StatePath &from,
                                                  asl::edits::Transition transition,
                                                  const std::optional<std::string> &target)
{
    Q_ASSERT(m_machine);
    auto set = asl::edits::setTransition(*m_machine, from, transition, target);
    if (set)
        machineEdited(m_layout);
    return set;
}

Result<asl::StatePath, std::string>
Document::insertState(const std::string &scopePointer, asl::State state,
                      const std::optional<asl::edits::Link> &link,
                      const std::optional<graph::Point> &pin)
{
    Q_ASSERT(m_machine);
    asl::StateMachine edited = *m_machine;
    auto inserted = asl::edits::insertState(edited, scopePointer, std::move(state), link);
    if (!inserted)
        return inserted;
    m_machine = std::move(edited);
    graph::Layout pins = m_layout;
    if (pin) {
        pins.positions[inserted->pointer] = *pin;
        pins.pinned.insert(inserted->pointer);
    }
    machineEdited(std::move(pins));
    return inserted;
}

Result<bool, std::string> Document::replaceState(const asl::StatePath &path, asl::State state)
{
    Q_ASSERT(m_machine);
    auto replaced = asl::edits::replaceState(*m_machine, path, std::move(state));
    if (replaced)
        machineEdited(m_layout);
    return replaced;
}

Result<std::vector<asl::StatePath>, std::string>
Document::pasteStates(const std::string &scopePointer, const Json &states)
{
    Q_ASSERT(m_machine);
    asl::StateMachine edited = *m_machine;
    auto pasted = asl::edits::pasteStates(edited, scopePointer, states);
    if (!pasted)
        return pasted;
    m_machine = std::move(edited);
    machineEdited(m_layout);
    return pasted;
}

Result<bool, std::string> Document::setMachineField(const std::string &key,
                                                    const std::optional<Json> &value)
{
    Q_ASSERT(m_machine);
    auto set = asl::edits::setMachineField(*m_machine, key, value);
    if (set)
        machineEdited(m_layout);
    return set;
}

void Document::replaceMachine(asl::StateMachine machine)
{
    m_machine = std::move(machine);
    machineEdited(m_layout);
}

void Document::moveStates(const std::map<std::string, graph::Point> &moves)
{
    graph::moveNodes(m_layout, m_graph, moves);
    emit layoutChanged();
}

void Document::restore(asl::StateMachine machine, graph::Layout layout)
{
    m_machine = std::move(machine);
    m_graph = graph::project(*m_machine);
    m_layout = std::move(layout);
    revalidate();
    emit machineChanged();
    emit layoutChanged();
}

void Document::setLayout(graph::Layout layout)
{
    m_layout = std::move(layout);
    emit layoutChanged();
}

void Document::machineEdited(graph::Layout pins)
{
    m_graph = graph::project(*m_machine);
    m_layout = graph::autoLayout(m_graph, pins);
    revalidate();
    emit machineChanged();
    emit layoutChanged();
}

void Document::revalidate()
{
    m_diagnostics = asl::validate(asl::toJson(*m_machine));
    emit diagnosticsChanged();
}

} // namespace stepwise::ui
