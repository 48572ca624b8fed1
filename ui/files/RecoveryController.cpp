#include "ui/files/RecoveryController.h"

#include "core/asl/Parser.h"
#include "core/asl/Serializer.h"
#include "ui/document/Document.h"

#include <QTimer>
#include <QUndoStack>

namespace stepwise::ui {

RecoveryController::RecoveryController(Document *document, QObject *parent,
                                       const QString &directory)
    : QObject(parent), m_document(document), m_store(directory), m_timer(new QTimer(this))
{
    m_timer->setInterval(defaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &RecoveryController::writeNow);
    m_timer->start();
    connect(document, &Document::machineChanged, this, &RecoveryController::documentEdited);
    connect(document, &Document::layoutChanged, this, &RecoveryController::documentEdited);
    connect(document, &Document::cleanChanged, this, [this](bool clean) {
        if (clean)
            discard();
    });
}

void RecoveryController::setInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

void RecoveryController::documentEdited()
{
    m_unwritten = true;
}

bool RecoveryController::writeNow()
{
    if (!m_unwritten || !m_document->hasMachine() || m_document->isClean())
        return false;
    const QString text = QString::fromStdString(asl::serialize(m_document->machine()));
    const Json layout = graph::sidecarJson(m_document->layout(), m_document->graph());
    QString error;
    if (!m_store.write(m_document->filePath(), text, layout, error))
        return false; // tried again at the next tick; nothing else can be done from a timer
    m_unwritten = false;
    return true;
}

void RecoveryController::discard()
{
    m_store.discard();
    m_unwritten = false;
}

bool RecoveryController::restore(const RecoveryEntry &entry, QString &error)
{
    auto machine = asl::parse(entry.text.toStdString());
    if (!machine) {
        error = tr("The recovered definition does not parse: %1")
                    .arg(QString::fromStdString(machine.error().message));
        return false;
    }
    auto pins = graph::layoutFromSidecar(entry.layout);
    m_document->reset(std::move(machine).value(), pins ? pins.value() : graph::Layout{},
                      entry.originalPath);
    m_document->undoStack()->resetClean(); // unsaved until the user saves it
    RecoveryStore::remove(entry);
    m_unwritten = true;
    writeNow();
    return true;
}

} // namespace stepwise::ui
