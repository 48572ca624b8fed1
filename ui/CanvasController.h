#pragma once
// Turns the canvas's requests into commands on the document's undo stack, refusing invalid
// ones with core checks, and keeps the canvas in step with the document.
#include <QObject>
#include <QString>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/graph/Layout.h"

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

signals:
    // The user asked to rename `id` (F2); the window asks for the new name.
    void renameRequested(const std::string &id, const QString &currentName);

private:
    void refresh();

    Document *m_document;
    CanvasScene *m_scene;
};

} // namespace stepwise::ui
