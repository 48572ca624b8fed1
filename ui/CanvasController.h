#pragma once
// Turns the canvas's and the palette's requests into commands on the document's undo stack,
// refusing invalid ones with core checks (the reason goes out through editRefused), keeps the
// canvas in step with the document, and runs the clipboard (ASL JSON {"States": {...}}).
#include <QObject>
#include <QPointF>
#include <QString>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/asl/EditsInsert.h"
#include "core/graph/Layout.h"

class QClipboard;

namespace stepwise::ui {

class CanvasScene;
class Document;

class CanvasController : public QObject
{
    Q_OBJECT
public:
    CanvasController(Document *document, CanvasScene *scene, QObject *parent = nullptr);

    void moveStates(const std::map<std::string, graph::Point> &moves);
    void deleteStates(const std::vector<std::string> &ids);
    // Renames the state `id`; returns why not when the name is refused.
    std::optional<QString> renameState(const std::string &id, const QString &newName);
    void deleteSelection();
    // Rewrites the state `id` from JSONPath to JSONata (Parameters → Arguments, ... → Output)
    // as one undo command; returns why not when the conversion is not mechanical.
    std::optional<QString> convertToJsonata(const std::string &id);

    // A palette entry activated (double-click / Enter): inserted after the selected state, or
    // after the machine's last End state, or appended. `payload` is the palette MIME payload.
    bool insertPayload(const QByteArray &payload);
    // CanvasScene::dropRequested: a palette entry dropped at `scenePos`, on the edge `edgeId`
    // (spliced into it) or into branch `branch` of the container `containerId`.
    bool dropState(const QByteArray &payload, QPointF scenePos, const std::string &edgeId,
                   const std::string &containerId, int branch);
    // CanvasScene::connectRequested: `from`'s Next (a Choice's Default; the Start marker's
    // StartAt) becomes `to`; `to` = "#end" makes `from` an End state.
    bool connectStates(const std::string &fromId, const std::string &toId);

    // The clipboard (the application clipboard unless one is set, for tests).
    void setClipboard(QClipboard *clipboard) { m_clipboard = clipboard; }
    bool copySelection();
    bool cutSelection();
    bool paste();
    bool duplicateSelection();

signals:
    // The user asked to rename `id` (F2); the window asks for the new name.
    void renameRequested(const std::string &id, const QString &currentName);
    // F9 / the node's menu: breakpoints are the debugger's, not the document's.
    void breakpointToggleRequested(const std::string &id);
    // A request that could not be carried out, and why (for the status bar).
    void editRefused(const QString &reason);

private:
    void refresh();
    bool insert(const QByteArray &payload, const std::string &scopePointer,
                const std::optional<asl::edits::Link> &link, std::optional<graph::Point> pin);
    std::optional<asl::edits::Link> linkAfter(const std::string &id) const;
    std::optional<asl::edits::Link> linkOfEdge(const std::string &edgeId, std::string &scope) const;
    bool refuse(const QString &reason);
    void select(const std::vector<std::string> &ids);
    QClipboard *clipboard() const;

    Document *m_document;
    CanvasScene *m_scene;
    QClipboard *m_clipboard = nullptr;
};

} // namespace stepwise::ui
