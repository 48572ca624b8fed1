// The main window's menus and toolbar: File, Edit and View with the standard shortcuts, each
// action's tooltip naming its shortcut (VISUAL.md, Panels).
#include "ui/MainWindow.h"

#include "core/asl/StatePath.h"
#include "ui/CanvasController.h"
#include "ui/canvas/CanvasScene.h"
#include "ui/canvas/CanvasView.h"
#include "ui/debug/DebugController.h"
#include "ui/debug/ExecutionPanel.h"
#include "ui/document/Document.h"
#include "ui/files/Exports.h"
#include "ui/files/RecentFiles.h"
#include "ui/palette/PalettePanel.h"
#include "ui/panels/ToolIcons.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>

#include <algorithm>

namespace stepwise::ui {
namespace {

// Every action's tooltip names its shortcut (VISUAL.md, Panels).
void describe(QAction *action)
{
    QString tip = action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…"));
    if (!action->shortcut().isEmpty())
        tip += QStringLiteral(" (%1)").arg(action->shortcut().toString(QKeySequence::NativeText));
    action->setToolTip(tip);
}

} // namespace

void MainWindow::createFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAction = file->addAction(toolIcon(ToolIcon::New), tr("&New"),
                                         QKeySequence::New, this, [this] {
                                             if (maybeDiscard())
                                                 newMachine();
                                         });
    newAction->setObjectName(QStringLiteral("actionNew"));
    // A new machine in either query language (issue 6 §4).
    QMenu *newIn = file->addMenu(tr("New &In"));
    newIn->addAction(tr("&JSONPath"), this, [this] {
        if (maybeDiscard())
            newMachine(false);
    });
    newIn->addAction(tr("JSON&ata"), this, [this] {
        if (maybeDiscard())
            newMachine(true);
    })->setObjectName(QStringLiteral("actionNewJsonata"));
    file->addAction(toolIcon(ToolIcon::Open), tr("&Open…"),
                    QKeySequence::Open, this, &MainWindow::chooseFile)
        ->setObjectName(QStringLiteral("actionOpen"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
    QMenu *examples = file->addMenu(tr("Open &Example"));
    const QStringList names = QDir(QStringLiteral(":/examples")).entryList(QDir::Dirs, QDir::Name);
    for (const QString &name : names)
        examples->addAction(name, this, [this, name] {
            if (maybeDiscard())
                openExample(name);
        });
    examples->setEnabled(!names.isEmpty());
    file->addAction(tr("Import &Template…"), this, &MainWindow::chooseTemplate)
        ->setObjectName(QStringLiteral("actionImportTemplate"));
    file->addAction(tr("Re&load"), QKeySequence::Refresh, this, &MainWindow::reload);
    file->addSeparator();
    file->addAction(toolIcon(ToolIcon::Save), tr("&Save"),
                    QKeySequence::Save, this, &MainWindow::save)
        ->setObjectName(QStringLiteral("actionSave"));
    file->addAction(tr("Save &As…"),
                    QKeySequence::SaveAs, this, &MainWindow::saveAs);
    QMenu *exports = file->addMenu(tr("&Export"));
    exports->addAction(tr("ASL &JSON…"), this, [this] { exportDefinitionAs(false); });
    exports->addAction(tr("ASL &YAML…"), this, [this] { exportDefinitionAs(true); });
    exports->addAction(tr("&SAM Template…"), this,
                       [this] { exportTemplateAs(TemplateFlavour::Sam); });
    exports->addAction(tr("&CloudFormation Template…"), this,
                       [this] { exportTemplateAs(TemplateFlavour::CloudFormation); });
    exports->addSeparator();
    exports->addAction(tr("Diagram as &PNG…"), this, [this] { exportDiagramAs(false); });
    exports->addAction(tr("Diagram as &SVG…"), this, [this] { exportDiagramAs(true); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
    for (QAction *action : file->actions())
        describe(action);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList paths = RecentFiles::list();
    int number = 1;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        const QString label = tr("&%1 %2  —  %3")
                                  .arg(number++)
                                  .arg(info.fileName(), QDir::toNativeSeparators(info.path()));
        QAction *action = m_recentMenu->addAction(label, this, [this, path] {
            if (maybeDiscard() && !openFile(path))
                RecentFiles::remove(path);
        });
        action->setEnabled(info.exists());
    }
    if (paths.isEmpty())
        m_recentMenu->addAction(tr("No recent files"))->setEnabled(false);
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear Recent Files"), this, [] { RecentFiles::clear(); })
        ->setEnabled(!paths.isEmpty());
}

void MainWindow::createEditMenu()
{
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_undo->setIcon(toolIcon(ToolIcon::Undo));
    m_redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redo->setShortcut(QKeySequence::Redo);
    m_redo->setIcon(toolIcon(ToolIcon::Redo));
    edit->addAction(m_undo);
    edit->addAction(m_redo);
    edit->addSeparator();
    const auto canvasAction = [this, edit](const QString &text, const QKeySequence &key,
                                           auto slot) {
        QAction *action = edit->addAction(text, this, slot);
        action->setShortcut(key);
        // Only while the canvas has focus: text fields keep their own Ctrl+C / Ctrl+V.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->addAction(action);
    };
    canvasAction(tr("Cu&t"), QKeySequence::Cut, [this] { m_controller->cutSelection(); });
    canvasAction(tr("&Copy"), QKeySequence::Copy, [this] { m_controller->copySelection(); });
    canvasAction(tr("&Paste"), QKeySequence::Paste, [this] { m_controller->paste(); });
    canvasAction(tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D),
                 [this] { m_controller->duplicateSelection(); });
    edit->addSeparator();
    QAction *remove =
        edit->addAction(tr("&Delete"), this, [this] { m_controller->deleteSelection(); });
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut); // the scene handles Delete on the canvas
    edit->addAction(tr("Re&name…"), QKeySequence(Qt::Key_F2), this,
                    [this] {
                        const std::vector<std::string> ids = m_scene->selectedIds();
                        if (ids.size() == 1)
                            askRename(ids.front(),
                                      QString::fromStdString(asl::StatePath{ids.front()}.name()));
                    })
        ->setShortcutContext(Qt::WidgetShortcut);
    edit->addAction(tr("Convert to JSON&ata"), this, [this] {
           const std::vector<std::string> ids = m_scene->selectedIds();
           if (ids.size() != 1) {
               statusBar()->showMessage(tr("Select one state to convert to JSONata"), 6000);
               return;
           }
           if (auto problem = m_controller->convertToJsonata(ids.front()))
               QMessageBox::information(this, tr("Convert to JSONata"), *problem);
       })->setObjectName(QStringLiteral("actionConvertJsonata"));
    edit->addAction(tr("Select &All"), QKeySequence::SelectAll, this, [this] {
        for (QGraphicsItem *item : m_scene->items())
            item->setSelected(true);
    })->setShortcutContext(Qt::WidgetShortcut);
    for (QAction *action : edit->actions())
        describe(action);
}

void MainWindow::createViewMenu()
{
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QMenu *view = m_viewMenu;
    view->addAction(toolIcon(ToolIcon::ZoomIn), tr("Zoom &In"),
                    QKeySequence::ZoomIn, m_view, &CanvasView::zoomIn);
    view->addAction(toolIcon(ToolIcon::ZoomOut), tr("Zoom &Out"),
                    QKeySequence::ZoomOut, m_view, &CanvasView::zoomOut);
    view->addAction(toolIcon(ToolIcon::ActualSize),
                    tr("&Actual Size"), QKeySequence(Qt::CTRL | Qt::Key_0), m_view,
                    &CanvasView::resetZoom);
    view->addAction(toolIcon(ToolIcon::FitToView), tr("&Fit to View"),
                    QKeySequence(Qt::CTRL | Qt::Key_1), m_view, &CanvasView::fitToView);
    QAction *minimap = view->addAction(tr("&Minimap"));
    minimap->setCheckable(true);
    minimap->setChecked(true);
    connect(minimap, &QAction::toggled, m_view, &CanvasView::setMinimapVisible);
    view->addAction(tr("Find in &Palette"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), this,
                    [this] {
                        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("PaletteDock"))) {
                            dock->show();
                            dock->raise();
                        }
                        m_palette->focusSearch();
                    });
    view->addSeparator();
    QMenu *panels = view->addMenu(tr("&Panels"));
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        panels->addAction(dock->toggleViewAction());
    for (QAction *action : view->actions())
        describe(action);
}

// The run controls, keyed as in an IDE's debugger, whichever panel is in front; a run starting
// while none of the debugger's panels shows brings the Execution panel (its progress) forward.
void MainWindow::createRunMenu()
{
    QMenu *run = menuBar()->addMenu(tr("&Run"));
    const QList<QAction *> actions = m_executionPanel->runActions();
    for (QAction *action : actions) {
        run->addAction(action);
        describe(action);
    }
    connect(m_debug, &DebugController::phaseChanged, this, [this](DebugController::Phase phase) {
        if (phase != DebugController::Phase::Running)
            return;
        statusBar()->showMessage(tr("Running…"));
        // A tabified dock behind another stays "visible"; what is painted tells.
        const bool debuggerShown =
            std::any_of(m_debugDocks.begin(), m_debugDocks.end(), [](QDockWidget *dock) {
                return dock->isVisible() && !dock->visibleRegion().isEmpty();
            });
        if (!debuggerShown && !m_debugDocks.empty())
            m_debugDocks.front()->raise();
    });
}

void MainWindow::createHelpMenu()
{
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Stepwise"), this, [this] {
        QMessageBox::about(
            this, tr("About Stepwise"),
            tr("<b>Stepwise</b><p>A free studio for AWS Step Functions: design, "
               "validate and run state machines locally, no AWS account needed.</p>"));
    });
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(QStringLiteral("MainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setIconSize(QSize(18, 18));
    const auto find = [this](const char *name) {
        return findChild<QAction *>(QString::fromLatin1(name));
    };
    m_toolBar->addAction(find("actionNew"));
    m_toolBar->addAction(find("actionOpen"));
    m_toolBar->addAction(find("actionSave"));
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_undo);
    m_toolBar->addAction(m_redo);
    m_toolBar->addSeparator();
    const QList<QAction *> zoom = m_viewMenu->actions().mid(0, 4);
    m_toolBar->addActions(zoom);
}

} // namespace stepwise::ui
