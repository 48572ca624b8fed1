#pragma once
// Unsaved work kept safe: while a document is dirty the window writes a recovery file every few
// seconds (AppDataLocation/recovery). A clean save or close removes it. A recovery file whose
// owner is gone (its lock is stale: the process crashed) is offered back at the next start.
#include "core/graph/Layout.h"

#include <QDateTime>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class QLockFile;

namespace stepwise::ui {

struct RecoveryEntry
{
    QString file;         // the recovery file itself
    QString originalPath; // the document's path, empty for an untitled one
    QString text;         // the definition (JSON)
    Json layout;          // the layout sidecar's JSON
    QDateTime savedAt;
};

class RecoveryStore
{
public:
    // `directory` defaults to <AppDataLocation>/recovery.
    explicit RecoveryStore(QString directory = {});
    ~RecoveryStore();
    RecoveryStore(const RecoveryStore &) = delete;
    RecoveryStore &operator=(const RecoveryStore &) = delete;

    static QString defaultDirectory();
    QString directory() const { return m_directory; }

    // Writes (atomically) this window's recovery file; false with `error` when it cannot.
    bool write(const QString &originalPath, const QString &text, const Json &layout,
               QString &error);
    // Removes this window's recovery file (after a clean save, or a close that drops changes).
    void discard();
    bool hasFile() const;
    QString file() const { return m_file; }

    // Recovery files left by windows that are gone, newest first. This store's own is skipped.
    std::vector<RecoveryEntry> orphans() const;
    // Reads one recovery file; nullopt when it is not one.
    static std::optional<RecoveryEntry> read(const QString &file);
    // Removes an orphan once it is restored or declined.
    static void remove(const RecoveryEntry &entry);

private:
    QString m_directory;
    QString m_file;
    std::unique_ptr<QLockFile> m_lock; // held while this window lives: marks the file as owned
};

} // namespace stepwise::ui
