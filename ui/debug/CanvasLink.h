#pragma once
// Wires the debugger to the canvas (contract 3): the overlay at the time cursor is painted on the
// scene, F9 / the node menu toggles breakpoints, and selecting a state on the canvas while a run
// .
namespace stepwise::ui {

class CanvasScene;
class DebugController;

void linkToCanvas(DebugController *controller, CanvasScene *scene);

} // namespace stepwise::ui
