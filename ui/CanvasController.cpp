#include "ui/CanvasController.h"

#include "core/asl/Edits.h"
#include "core/asl/EditsState.h"
#include "core/asl/Parser.h"
#include "ui/canvas/CanvasScene.h"
#include "ui/commands/EditStateCommand.h"
#include "ui/commands/InsertStateCommand.h"
#include "ui/commands/JsonataConversion.h"
#include "ui/commands/MoveStatesCommand.h"
#include "ui/commands/PasteStatesCommand.h"
#include "ui/commands/RemoveStatesCommand.h"
#include "ui/commands/RenameStateCommand.h"
#include "ui/commands/SetMachineFieldCommand.h"
#include "ui/commands/SetTransitionCommand.h"
#include "ui/document/Document.h"
#include "ui/palette/PaletteCatalog.h"

#include <QClipboard>
#include <QGraphicsItem>
#include <QGuiApplication>
#include <QUndoStack>

namespace stepwise::ui {

CanvasController::CanvasController(Document *document, CanvasScene *scene, QObject *parent)
    : QObject(parent), m_document(document), m_scene(scene)
{
    connect(document, &Document::layoutChanged, this, &CanvasController::refresh);
    connect(document, &Document::diagnosticsChanged, this,
            [this] { m_scene->setDiagnostics(m_document->diagnostics()); });
    connect(scene, &CanvasScene::moveFinished, this, &CanvasController::moveStates);
    connect(scene, &CanvasScene::deleteRequested, this, &CanvasController::deleteStates);
    connect(scene, &CanvasScene::renameRequested, this, [this](const std::string &id) {
        emit renameRequested(id, QString::fromStdString(asl::StatePath{id}.name()));
    });
    connect(scene, &CanvasScene::connectRequested, this,
            [this](const std::string &from, const std::string &to) { connectStates(from, to); });
    connect(scene, &CanvasScene::dropRequested, this,
            [this](const QByteArray &json, QPointF at, const std::string &edge,
                   const std::string &container, int branch) {
                dropState(json, at, edge, container, branch);
            });
    connect(scene, &CanvasScene::breakpointToggleRequested, this,
            &CanvasController::breakpointToggleRequested);
    refresh();
}

void CanvasController::refresh()
{
    m_scene->sync(m_document->graph(), m_document->layout());
    m_scene->setDiagnostics(m_document->diagnostics());
}

void CanvasController::moveStates(const std::map<std::string, graph::Point> &moves)
{
    if (!m_document->hasMachine() || moves.empty())
        return;
    m_document->undoStack()->push(new MoveStatesCommand(m_document, moves));
}

void CanvasController::deleteStates(const std::vector<std::string> &ids)
{
    if (!m_document->hasMachine())
        return;
    std::vector<asl::StatePath> paths;
    for (const std::string &id : ids)
        if (asl::edits::findState(m_document->machine(), asl::StatePath{id}))
            paths.push_back(asl::StatePath{id});
    if (!paths.empty())
        m_document->undoStack()->push(new RemoveStatesCommand(m_document, std::move(paths)));
}

void CanvasController::deleteSelection()
{
    deleteStates(m_scene->selectedIds());
}

std::optional<QString> CanvasController::renameState(const std::string &id, const QString &newName)
{
    if (!m_document->hasMachine())
        return tr("There is no state machine");
    const asl::StatePath path{id};
    const std::string name = newName.toStdString();
    if (name == path.name())
        return std::nullopt;
    const asl::StateMachine *scope =
        asl::edits::findScope(m_document->machine(), path.scopePointer());
    if (!scope || !scope->find(path.name()))
        return tr("No state at %1").arg(QString::fromStdString(id));
    if (auto problem = asl::edits::checkNewName(*scope, name))
        return QString::fromStdString(*problem);
    m_document->undoStack()->push(new RenameStateCommand(m_document, path, name));
    return std::nullopt;
}

std::optional<QString> CanvasController::convertToJsonata(const std::string &id)
{
    if (!m_document->hasMachine())
        return tr("There is no state machine");
    const asl::StatePath path{id};
    const asl::State *state = asl::edits::findState(m_document->machine(), path);
    if (!state)
        return tr("No state at %1").arg(QString::fromStdString(id));
    auto converted = convertStateToJsonata(asl::edits::stateToJson(*state));
    if (!converted)
        return tr("'%1' stays in JSONPath: %2")
            .arg(QString::fromStdString(path.name()), QString::fromStdString(converted.error()));
    auto after = asl::edits::stateFromJson(path.name(), *converted);
    if (!after)
        return QString::fromStdString(after.error());
    auto *command = new EditStateCommand(m_document, path, std::move(after).value());
    command->setText(tr("Convert '%1' to JSONata").arg(QString::fromStdString(path.name())));
    m_document->undoStack()->push(command);
    return std::nullopt;
}

bool CanvasController::insertPayload(const QByteArray &payload)
{
    if (!m_document->hasMachine())
        return refuse(tr("Open or create a state machine first"));
    const std::vector<std::string> selected = m_scene->selectedIds();
    if (selected.size() == 1 && asl::edits::findState(m_document->machine(), asl::StatePath{selected.front()})) {
        const asl::StatePath after{selected.front()};
        return insert(payload, after.scopePointer(), linkAfter(after.pointer), std::nullopt);
    }
    // Nothing selected: continue the flow after the last End state of the top level.
    const asl::StateMachine &machine = m_document->machine();
    for (auto it = machine.states.rbegin(); it != machine.states.rend(); ++it)
        if (asl::common(*it).end.value_or(false))
            return insert(payload, "", linkAfter(asl::StatePath::inScope("", asl::common(*it).name).pointer),
                          std::nullopt);
    return insert(payload, "", std::nullopt, std::nullopt);
}

bool CanvasController::dropState(const QByteArray &payload, QPointF scenePos,
                                 const std::string &edgeId, const std::string &containerId,
                                 int branch)
{
    if (!m_document->hasMachine())
        return refuse(tr("Open or create a state machine first"));
    std::string scope;
    std::optional<asl::edits::Link> link;
    if (!edgeId.empty()) {
        link = linkOfEdge(edgeId, scope);
        if (!link)
            return refuse(tr("A state cannot be inserted into that transition"));
        return insert(payload, scope, link, std::nullopt); // auto-layout places it in the flow
    }
    if (!containerId.empty()) {
        auto container = asl::edits::containerScope(m_document->machine(),
                                                    asl::StatePath{containerId}, branch);
        if (!container)
            return refuse(QString::fromStdString(container.error()));
        scope = *container;
    }
    return insert(payload, scope, std::nullopt, graph::Point{scenePos.x(), scenePos.y()});
}

bool CanvasController::connectStates(const std::string &fromId, const std::string &toId)
{
    if (!m_document->hasMachine())
        return false;
    const asl::StateMachine &machine = m_document->machine();
    const bool toEnd = toId == graph::EndId;
    const asl::StatePath to{toId};
    if (!toEnd && !asl::edits::findState(machine, to))
        return refuse(tr("Connect to a state or to the End marker"));
    if (fromId == graph::StartId) {
        if (toEnd || !to.scopePointer().empty())
            return refuse(tr("The machine can only start at one of its top-level states"));
        m_document->undoStack()->push(new SetMachineFieldCommand(m_document, "StartAt", Json(to.name())));
        return true;
    }
    const asl::StatePath from{fromId};
    const asl::State *state = asl::edits::findState(machine, from);
    if (!state)
        return refuse(tr("Connect from a state"));
    if (!toEnd && to.scopePointer() != from.scopePointer())
        return refuse(tr("Transitions stay inside one machine: '%1' and '%2' are in different "
                         "branches").arg(QString::fromStdString(from.name()),
                                         QString::fromStdString(to.name())));
    if (fromId == toId && asl::stateType(*state) != asl::StateType::Choice)
        return refuse(tr("A state cannot lead to itself"));
    const asl::StateType type = asl::stateType(*state);
    if (type == asl::StateType::Succeed || type == asl::StateType::Fail)
        return refuse(tr("A %1 state ends the flow; it has no next state")
                          .arg(QString::fromLatin1(asl::typeName(type))));
    asl::edits::Transition transition{asl::edits::TransitionKind::Next, 0};
    if (type == asl::StateType::Choice) {
        if (toEnd)
            return refuse(tr("A Choice state cannot end the flow; connect it to a Succeed state"));
        transition.kind = asl::edits::TransitionKind::Default;
    }
    const std::optional<std::string> target = toEnd ? std::nullopt : std::optional(to.name());
    if (asl::edits::transitionTarget(machine, from, transition) == target &&
        (!toEnd || asl::common(*state).end.value_or(false)))
        return true; // already so
    m_document->undoStack()->push(new SetTransitionCommand(m_document, from, transition, target));
    return true;
}

bool CanvasController::copySelection()
{
    if (!m_document->hasMachine())
        return false;
    std::vector<asl::StatePath> paths;
    for (const std::string &id : m_scene->selectedIds())
        if (asl::edits::findState(m_document->machine(), asl::StatePath{id}))
            paths.push_back(asl::StatePath{id});
    if (paths.empty())
        return refuse(tr("Select the states to copy"));
    // States inside a selected container travel with it; the rest must share one machine.
    std::vector<asl::StatePath> roots;
    for (const asl::StatePath &path : paths) {
        bool inside = false;
        for (const asl::StatePath &other : paths)
            inside = inside || (other != path && path.isWithin(other));
        if (!inside)
            roots.push_back(path);
    }
    for (const asl::StatePath &path : roots)
        if (path.scopePointer() != roots.front().scopePointer())
            return refuse(tr("Copy states of one machine (or branch) at a time"));
    auto clip = asl::edits::copyStates(m_document->machine(), roots);
    if (!clip)
        return refuse(QString::fromStdString(clip.error()));
    clipboard()->setText(QString::fromStdString(clip->dump(2)));
    return true;
}

bool CanvasController::cutSelection()
{
    if (!copySelection())
        return false;
    std::vector<asl::StatePath> paths;
    for (const std::string &id : m_scene->selectedIds())
        if (asl::edits::findState(m_document->machine(), asl::StatePath{id}))
            paths.push_back(asl::StatePath{id});
    auto *command = new RemoveStatesCommand(m_document, paths);
    command->setText(paths.size() == 1 ? tr("Cut %1").arg(quotedName(paths.front()))
                                       : tr("Cut %1 states").arg(paths.size()));
    m_document->undoStack()->push(command);
    return true;
}

bool CanvasController::paste()
{
    if (!m_document->hasMachine())
        return refuse(tr("Open or create a state machine first"));
    auto parsed = asl::parseDocument(clipboard()->text().toStdString(), asl::SourceFormat::Json);
    if (!parsed || !parsed->is_object() || !parsed->contains("States") ||
        !(*parsed)["States"].is_object())
        return refuse(tr("The clipboard holds no states (expected ASL JSON with \"States\")"));
    // Paste next to the selection (same machine or branch), else at the top level.
    std::string scope;
    const std::vector<std::string> selected = m_scene->selectedIds();
    if (!selected.empty() && asl::edits::findState(m_document->machine(), asl::StatePath{selected.front()}))
        scope = asl::StatePath{selected.front()}.scopePointer();
    asl::StateMachine probe = m_document->machine();
    auto check = asl::edits::pasteStates(probe, scope, (*parsed)["States"]);
    if (!check)
        return refuse(QString::fromStdString(check.error()));
    const Json &states = (*parsed)["States"];
    const QString text = states.size() == 1
                             ? tr("Paste '%1'").arg(QString::fromStdString(states.begin().key()))
                             : tr("Paste %1 states").arg(states.size());
    auto *command = new PasteStatesCommand(m_document, scope, states, text);
    m_document->undoStack()->push(command);
    std::vector<std::string> ids;
    for (const asl::StatePath &path : command->pastedPaths())
        ids.push_back(path.pointer);
    select(ids);
    return true;
}

bool CanvasController::duplicateSelection()
{
    if (!m_document->hasMachine())
        return false;
    std::vector<asl::StatePath> paths;
    for (const std::string &id : m_scene->selectedIds())
        if (asl::edits::findState(m_document->machine(), asl::StatePath{id}))
            paths.push_back(asl::StatePath{id});
    if (paths.empty())
        return refuse(tr("Select the states to duplicate"));
    for (const asl::StatePath &path : paths)
        if (path.scopePointer() != paths.front().scopePointer())
            return refuse(tr("Duplicate states of one machine (or branch) at a time"));
    auto clip = asl::edits::copyStates(m_document->machine(), paths);
    if (!clip)
        return refuse(QString::fromStdString(clip.error()));
    const QString text = paths.size() == 1
                             ? tr("Duplicate '%1'").arg(QString::fromStdString(paths.front().name()))
                             : tr("Duplicate %1 states").arg(paths.size());
    auto *command = new PasteStatesCommand(m_document, paths.front().scopePointer(),
                                           (*clip)["States"], text);
    m_document->undoStack()->push(command);
    std::vector<std::string> ids;
    for (const asl::StatePath &path : command->pastedPaths())
        ids.push_back(path.pointer);
    select(ids);
    return true;
}

bool CanvasController::insert(const QByteArray &payload, const std::string &scopePointer,
                              const std::optional<asl::edits::Link> &link,
                              std::optional<graph::Point> pin)
{
    const auto parsed = parsePalettePayload(payload);
    if (!parsed)
        return refuse(tr("The dropped item is not a state"));
    auto state = asl::edits::stateFromJson(parsed->name, parsed->state);
    if (!state)
        return refuse(QString::fromStdString(state.error()));
    asl::StateMachine probe = m_document->machine(); // refuse before pushing, not in redo()
    auto check = asl::edits::insertState(probe, scopePointer, *state, link);
    if (!check)
        return refuse(QString::fromStdString(check.error()));
    auto *command = new InsertStateCommand(m_document, scopePointer, std::move(state).value(), link,
                                           pin, QString::fromStdString(parsed->name));
    m_document->undoStack()->push(command);
    select({command->insertedPath().pointer});
    return true;
}

std::optional<asl::edits::Link> CanvasController::linkAfter(const std::string &id) const
{
    const asl::State *state = asl::edits::findState(m_document->machine(), asl::StatePath{id});
    if (!state)
        return std::nullopt;
    const std::string name = asl::StatePath{id}.name();
    switch (asl::stateType(*state)) {
    case asl::StateType::Succeed:
    case asl::StateType::Fail:
        return std::nullopt; // nothing follows an end: append
    case asl::StateType::Choice: {
        const auto *choice = std::get_if<asl::ChoiceState>(state);
        if (!choice->defaultNext)
            return std::nullopt;
        return asl::edits::Link{name, {asl::edits::TransitionKind::Default, 0}, false};
    }
    default:
        return asl::edits::Link{name, {asl::edits::TransitionKind::Next, 0},
                                asl::common(*state).end.value_or(false)};
    }
}

std::optional<asl::edits::Link> CanvasController::linkOfEdge(const std::string &edgeId,
                                                             std::string &scope) const
{
    const graph::EdgeSpec *edge = m_document->graph().edge(edgeId);
    if (!edge)
        return std::nullopt;
    if (edge->kind == graph::EdgeKind::Start) {
        scope.clear();
        return asl::edits::Link{std::nullopt, {}, false};
    }
    const asl::StatePath from{edge->from};
    scope = from.scopePointer();
    using K = asl::edits::TransitionKind;
    switch (edge->kind) {
    case graph::EdgeKind::Next:
        return asl::edits::Link{from.name(), {K::Next, 0}, false};
    case graph::EdgeKind::ChoiceRule:
        return asl::edits::Link{from.name(), {K::ChoiceRule, edge->index}, false};
    case graph::EdgeKind::Default:
        return asl::edits::Link{from.name(), {K::Default, 0}, false};
    case graph::EdgeKind::Catch:
        return asl::edits::Link{from.name(), {K::Catch, edge->index}, false};
    case graph::EdgeKind::End:
        return asl::edits::Link{from.name(), {K::Next, 0}, true};
    case graph::EdgeKind::Start:
        break;
    }
    return std::nullopt;
}

bool CanvasController::refuse(const QString &reason)
{
    emit editRefused(reason);
    return false;
}

void CanvasController::select(const std::vector<std::string> &ids)
{
    m_scene->clearSelection();
    for (const std::string &id : ids)
        if (QGraphicsItem *item = m_scene->nodeItem(id))
            item->setSelected(true);
}

QClipboard *CanvasController::clipboard() const
{
    return m_clipboard ? m_clipboard : QGuiApplication::clipboard();
}

} // namespace stepwise::ui
