#include "ui/CanvasController.h"

#include "core/asl/Edits.h"
#include "ui/canvas/CanvasScene.h"
#include "ui/commands/MoveStatesCommand.h"
#include "ui/commands/RemoveStatesCommand.h"
#include "ui/commands/RenameStateCommand.h"
#include "ui/document/Document.h"

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

} // namespace stepwise::ui
