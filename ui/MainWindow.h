#pragma once
// The designer's window: the canvas in the middle, the states tree and the diagnostics as docks,
// menus and actions. It builds and wires things; editing goes through CanvasController and
// commands, loading and saving through DocumentIo.
#include <QMainWindow>

namespace stepwise::ui {

class CanvasController;
class CanvasScene;
class CanvasView;
class DiagnosticsPanel;
class Document;
class StatesPanel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Opens a file from disk; reports problems in a message box unless `quiet`.
    bool openFile(const QString &path, bool quiet = false);
    // Opens an embedded example by its folder name, e.g. "order-processing".
    bool openExample(const QString &name);
    bool saveTo(const QString &path, bool quiet = false);

    Document *document() const { return m_document; }
    CanvasScene *scene() const { return m_scene; }
    CanvasView *view() const { return m_view; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createFileMenu();
    void createEditMenu();
    void createViewMenu();
    void documentChanged();
    void updateTitle();
    void chooseFile();
    void reload();
    bool save();
    bool saveAs();
    void askRename(const std::string &id, const QString &currentName);
    bool maybeDiscard();

    Document *m_document;
    CanvasScene *m_scene;
    CanvasView *m_view;
    CanvasController *m_controller;
    StatesPanel *m_states;
    DiagnosticsPanel *m_diagnostics;
};

} // namespace stepwise::ui
