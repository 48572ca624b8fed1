// How the window's parts follow each other: canvas selection, code view caret, states tree,
// problems → the field in the inspector, and the JSONata previews fed by the debugger.
#include "ui/MainWindow.h"

#include "core/asl/StatePath.h"
#include "ui/canvas/CanvasScene.h"
#include "ui/canvas/CanvasView.h"
#include "ui/codeview/CodeView.h"
#include "ui/debug/DebugController.h"
#include "ui/debug/ExecutionPanel.h"
#include "ui/debug/RunConfig.h"
#include "ui/debug/RunThrottle.h"
#include "ui/document/Document.h"
#include "ui/inspector/InspectorPanel.h"
#include "ui/panels/StatesPanel.h"

#include <QDockWidget>

namespace stepwise::ui {

void MainWindow::wireSelection()
{
    // Canvas → code view and states tree (contract 4).
    connect(m_scene, &QGraphicsScene::selectionChanged, this, [this] {
        const std::vector<std::string> ids = m_scene->selectedIds();
        m_inspector->setSelection(ids);
        if (ids.size() != 1)
            return;
        m_states->selectPointer(QString::fromStdString(ids.front()));
        if (!m_selectingFromCode)
            m_codeView->revealPointer(ids.front());
    });
    // The caret inside a state in the text selects that state on the canvas.
    connect(m_codeView, &CodeView::caretPointerChanged, this, [this](const std::string &pointer) {
        const std::string id = m_scene->nodeIdForPointer(pointer);
        if (id.empty() || m_scene->selectedIds() == std::vector<std::string>{id})
            return;
        m_selectingFromCode = true;
        if (m_scene->selectPointer(id))
            m_view->ensureVisible(m_scene->nodeItem(id), 40, 40);
        m_selectingFromCode = false;
    });
    // The states tree selects on the canvas too.
    connect(m_states, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString pointer = item->data(0, StatesPanel::PointerRole).toString();
        if (m_scene->selectPointer(pointer.toStdString()))
            m_view->centerOn(m_scene->nodeItem(m_scene->selectedIds().front()));
    });
}

void MainWindow::wirePreview()
{
    // JSONata previews in the inspector evaluate against the selected state's latest visit at the
    // time cursor; before the first run, the first state sees the Execution panel's input.
    m_inspector->setVisitProvider([this](const std::string &id) -> std::optional<VisitContext> {
        const asl::StatePath path{id};
        if (auto visit = m_debug->inputOfVisit(path.name()))
            return visit;
        if (!m_document->hasMachine() || !path.scopePointer().empty() ||
            m_document->machine().startAt != path.name())
            return std::nullopt;
        m_executionPanel->applyConfig();
        auto input = parseInput(m_debug->runConfig().inputText);
        if (const Json *json = std::get_if<Json>(&input))
            return VisitContext{*json, Json::object(), Json::object()};
        return std::nullopt;
    });
    new RunThrottle(m_debug, [inspector = m_inspector] { inspector->refreshPreview(); }, m_inspector);
}

void MainWindow::showProblem(const QString &pointer)
{
    const std::string where = pointer.toStdString();
    m_states->selectPointer(pointer);
    if (m_scene->selectPointer(where))
        m_view->centerOn(m_scene->nodeItem(m_scene->selectedIds().front()));
    else if (m_inspector->stateIdAt(where).empty())
        m_scene->clearSelection(); // a top-level field: the inspector shows the machine
    m_codeView->revealPointer(where);
    // The exact field: the inspector focuses its editor; a field it has no editor for is shown
    // in the code view, scrolled to the pointer's own line.
    auto *inspectorDock = findChild<QDockWidget *>(QStringLiteral("InspectorDock"));
    if (inspectorDock && m_inspector->focusField(where)) {
        inspectorDock->show();
        inspectorDock->raise();
        return;
    }
    m_codeDock->show();
    m_codeDock->raise();
}

} // namespace stepwise::ui
