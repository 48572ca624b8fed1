#pragma once
// The open state machine: the only writer of the ASL model and its layout. Commands call the
// mutation API; everyone else reads through const accessors and listens to the signals.
#include "core/asl/Edits.h"
#include "core/asl/EditsInsert.h"
#include "core/asl/StateMachine.h"
#include "core/common/Diagnostic.h"
#include "core/graph/Graph.h"
#include "core/graph/Layout.h"

#include <QObject>
#include <QString>

#include <optional>
#include <vector>

class QUndoStack;

namespace stepwise::ui {

class Document : public QObject
{
    Q_OBJECT
public:
    explicit Document(QObject *parent = nullptr);

    // A freshly opened machine: `pins` are the sidecar's positions; auto-layout does the rest.
    // Clears the undo stack.
    void reset(asl::StateMachine machine, const graph::Layout &pins, const QString &filePath);
    // A file that is not a state machine (a syntax error, say): only its diagnostics.
    void resetBroken(std::vector<Diagnostic> diagnostics, const QString &filePath);

    bool hasMachine() const { return m_machine.has_value(); }
    const asl::StateMachine &machine() const; // requires hasMachine()
    const graph::Graph &graph() const { return m_graph; }
    const graph::Layout &layout() const { return m_layout; }
    const std::vector<Diagnostic> &diagnostics() const { return m_diagnostics; }
    QUndoStack *undoStack() const { return m_undoStack; }
    QString filePath() const { return m_filePath; }
    void setFilePath(const QString &path);
    bool isClean() const;
    void markClean();

    // Mutation API for commands (ui/commands). Each re-projects, re-lays out what is not pinned,
    // re-validates and signals.
    Result<asl::StatePath, std::string> renameState(const asl::StatePath &path,
                                                    const std::string &newName);
    Result<bool, std::string> removeStates(const std::vector<asl::StatePath> &paths);
    Result<bool, std::string> setTransition(const asl::StatePath &from,
                                            asl::edits::Transition transition,
                                            const std::optional<std::string> &target);
    // Adds `state` to the machine at `scopePointer` (spliced into `link` when given), pinned at
    // `pin` when given. Returns the new state's path (its name made unique).
    Result<asl::StatePath, std::string> insertState(const std::string &scopePointer,
                                                    asl::State state,
                                                    const std::optional<asl::edits::Link> &link,
                                                    const std::optional<graph::Point> &pin);
    // Replaces one state by an edited version of itself (the inspector's commits).
    Result<bool, std::string> replaceState(const asl::StatePath &path, asl::State state);
    // Adds clipboard states ({name: state}) to the machine at `scopePointer`, renaming clashes.
    Result<std::vector<asl::StatePath>, std::string> pasteStates(const std::string &scopePointer,
                                                                 const Json &states);
    // Sets (or with nullopt removes) one top-level field: StartAt, Comment, TimeoutSeconds, ...
    Result<bool, std::string> setMachineField(const std::string &key,
                                              const std::optional<Json> &value);
    void replaceMachine(asl::StateMachine machine);
    void moveStates(const std::map<std::string, graph::Point> &moves);
    // Puts back an earlier snapshot exactly (undo).
    void restore(asl::StateMachine machine, graph::Layout layout);
    void setLayout(graph::Layout layout);

signals:
    void machineChanged();
    void layoutChanged();
    void diagnosticsChanged();
    void filePathChanged(const QString &path);
    void cleanChanged(bool clean);

private:
    void machineEdited(graph::Layout pins);
    void revalidate();

    std::optional<asl::StateMachine> m_machine;
    graph::Graph m_graph;
    graph::Layout m_layout;
    std::vector<Diagnostic> m_diagnostics;
    QString m_filePath;
    QUndoStack *m_undoStack;
};

} // namespace stepwise::ui
