#include "ui/files/RecentFiles.h"

#include <QFileInfo>
#include <QSettings>

namespace stepwise::ui {
namespace {

const QString key = QStringLiteral("recentFiles");

void store(const QStringList &paths)
{
    QSettings().setValue(key, paths);
}

} // namespace

QStringList RecentFiles::list()
{
    return QSettings().value(key).toStringList();
}

void RecentFiles::add(const QString &path)
{
    if (path.isEmpty() || path.startsWith(QLatin1Char(':')))
        return;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList paths = list();
    paths.removeAll(absolute);
    paths.prepend(absolute);
    while (paths.size() > maximum)
        paths.removeLast();
    store(paths);
}

void RecentFiles::remove(const QString &path)
{
    QStringList paths = list();
    paths.removeAll(path);
    store(paths);
}

void RecentFiles::clear()
{
    store({});
}

} // namespace stepwise::ui
