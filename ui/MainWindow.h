#pragma once
// The designer's window: the canvas in the middle; palette and states on the left; inspector and
// code view on the right; problems (and the debugger's panels) below; menus, a toolbar and the
// standard shortcuts. It builds and wires things and asks the user questions; editing goes
// through CanvasController and commands, loading and saving through DocumentIo and ui/files.
#include "ui/document/TemplateSource.h"

#include <QMainWindow>

#include <memory>
#include <optional>
#include <string>
#include <vector>

class QAction;
class QDockWidget;
class QMenu;
class QToolBar;

namespace stepwise::ui {

class CanvasController;
enum class TemplateFlavour;
class CanvasScene;
class CanvasView;
class CodeView;
class DebugController;
class DiagnosticsPanel;
class Document;
class ExecutionPanel;
class InspectorPanel;
class PalettePanel;
class RecoveryController;
class RunStore;
class StatesPanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a file from disk; reports problems in a message box unless `quiet`.
    bool openFile(const QString &path, bool quiet = false);
    // Opens an embedded example by its folder name, e.g. "order-processing".
    bool openExample(const QString &name);
    bool saveTo(const QString &path, bool quiet = false);
    // File → Import Template: the state machine `logicalId` of a SAM / CloudFormation /
    // Serverless template (JSON or YAML); with no id, the only one, or a picker when there are
    // several. Save writes it back into the template; Save As writes ASL JSON.
    bool importTemplate(const QString &path, const QString &logicalId = {}, bool quiet = false);
    // The template the open machine came from, if any.
    const std::optional<TemplateSource> &templateSource() const { return m_template; }
    // File → New without asking: one Pass state, untitled; `jsonata` starts it with
    // "QueryLanguage": "JSONata" at the top.
    void newMachine(bool jsonata = false);
    // Offers back unsaved work that a crashed window left (asks first); true when restored.
    bool offerRecovery();

    Document *document() const { return m_document; }
    CanvasScene *scene() const { return m_scene; }
    CanvasView *view() const { return m_view; }
    CodeView *codeView() const { return m_codeView; }
    RecoveryController *recovery() const { return m_recovery; }
    InspectorPanel *inspector() const { return m_inspector; }
    PalettePanel *palettePanel() const { return m_palette; }
    DebugController *debugger() const { return m_debug; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createDocks();
    void fitBottomDocks();
    void createDebugDocks(QDockWidget *problems);
    void createFileMenu();
    void createEditMenu();
    void createViewMenu();
    void createRunMenu();
    void createHelpMenu();
    void createToolBar();
    void wireSelection();
    void wirePreview();
    void rebuildRecentMenu();
    void documentChanged();
    void updateTitle();
    void chooseFile();
    void chooseTemplate();
    void reload();
    bool save();
    bool saveAs();
    void exportDefinitionAs(bool yaml);
    QString exportStem() const; // the file name without extensions, for suggestions
    void reportExport(bool written, const QString &error, const QString &done);
    void exportTemplateAs(TemplateFlavour flavour);
    void exportDiagramAs(bool svg);
    void showProblem(const QString &pointer);
    void askRename(const std::string &id, const QString &currentName);
    bool maybeDiscard();
    QDockWidget *addDock(const QString &title, const QString &objectName, QWidget *widget,
                         Qt::DockWidgetArea area);

    Document *m_document;
    CanvasScene *m_scene;
    CanvasView *m_view;
    CanvasController *m_controller;
    StatesPanel *m_states;
    DiagnosticsPanel *m_diagnostics;
    CodeView *m_codeView;
    RecoveryController *m_recovery;
    PalettePanel *m_palette;
    InspectorPanel *m_inspector;
    DebugController *m_debug;
    ExecutionPanel *m_executionPanel = nullptr;
    std::unique_ptr<RunStore> m_runStore; // stored runs (SQLite); empty when it cannot open
    std::vector<QDockWidget *> m_debugDocks;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QDockWidget *m_codeDock = nullptr;
    QDockWidget *m_problemsDock = nullptr;
    bool m_shownOnce = false;
    std::optional<TemplateSource> m_template; // set while the machine lives in a template
    bool m_selectingFromCode = false; // a caret move in the code view is selecting on the canvas
};

} // namespace stepwise::ui
