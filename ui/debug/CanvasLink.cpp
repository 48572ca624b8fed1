// Debugger ↔ canvas connections.
#include "ui/debug/CanvasLink.h"

#include "ui/canvas/CanvasScene.h"
#include "ui/debug/DebugController.h"

namespace stepwise::ui {

void linkToCanvas(DebugController *controller, CanvasScene *scene)
{
    QObject::connect(controller, &DebugController::overlayChanged, scene,
                     [scene](const RunOverlay &overlay) {
                         if (overlay.nodes.empty() && overlay.takenEdges.empty())
                             scene->clearRunOverlay();
                         else
                             scene->setRunOverlay(overlay);
                     });
    QObject::connect(scene, &CanvasScene::breakpointToggleRequested, controller,
                     &DebugController::toggleBreakpoint);
    scene->setRunOverlay(controller->overlay());
}

} // namespace stepwise::ui
