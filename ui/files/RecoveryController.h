#pragma once
// Keeps a window's unsaved work in a recovery file: every few seconds while the document has
// changes that are not saved, it writes the definition and layout; when the document becomes
// clean (saved, or undone back to the saved state) it removes the file. It also restores a file
// left behind by a crash into the document, as unsaved changes.
#include "ui/files/RecoveryStore.h"

#include <QObject>

class QTimer;

namespace stepwise::ui {

class Document;

class RecoveryController : public QObject
{
    Q_OBJECT
public:
    static constexpr int defaultIntervalMs = 5000;

    // `directory` defaults to RecoveryStore::defaultDirectory().
    explicit RecoveryController(Document *document, QObject *parent = nullptr,
                                const QString &directory = {});

    void setInterval(int milliseconds);
    // Writes now when there is something unsaved that is not written yet; true when written.
    bool writeNow();
    // Drops this window's recovery file (the user closed and chose not to keep the changes).
    void discard();
    const RecoveryStore &store() const { return m_store; }

    // Files left by windows that crashed, newest first.
    std::vector<RecoveryEntry> orphans() const { return m_store.orphans(); }
    // Puts `entry` into the document as unsaved changes on top of its original file, and
    // removes the orphan (from now on this window's own recovery file takes over).
    bool restore(const RecoveryEntry &entry, QString &error);
    static void decline(const RecoveryEntry &entry) { RecoveryStore::remove(entry); }

private:
    void documentEdited();

    Document *m_document;
    RecoveryStore m_store;
    QTimer *m_timer;
    bool m_unwritten = false; // edits since the last write
};

} // namespace stepwise::ui
