#pragma once
// The recently opened files, newest first, kept in QSettings ("recentFiles") so every window and
// the next start share them.
#include <QStringList>

namespace stepwise::ui {

class RecentFiles
{
public:
    static constexpr int maximum = 10;

    static QStringList list();
    // Puts `path` first (once); embedded examples (":/…") are not remembered.
    static void add(const QString &path);
    static void remove(const QString &path);
    static void clear();
};

} // namespace stepwise::ui
