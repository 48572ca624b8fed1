// Remembered approvals of the programs a bindings file starts (issue 8, Safety), in QSettings.
#include "ui/debug/ProgramApproval.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSettings>

namespace stepwise::ui {
namespace {

QString settingsKey(const QString &definitionPath)
{
    QString key = definitionPath.isEmpty() ? QStringLiteral("(unsaved)") : definitionPath;
    key.replace(u'/', u'|');
    return QStringLiteral("debugger/%1/approvedBindings").arg(key);
}

} // namespace

QString ProgramApproval::fingerprint(const QString &bindingsPath)
{
    QFile file(bindingsPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray hash = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    return QFileInfo(bindingsPath).absoluteFilePath() + u'|' + QString::fromLatin1(hash.toHex());
}

bool ProgramApproval::isApproved(const QString &definitionPath, const QString &bindingsPath)
{
    const QString current = fingerprint(bindingsPath);
    return !current.isEmpty()
           && QSettings().value(settingsKey(definitionPath)).toString() == current;
}

void ProgramApproval::approve(const QString &definitionPath, const QString &bindingsPath)
{
    const QString current = fingerprint(bindingsPath);
    if (!current.isEmpty())
        QSettings().setValue(settingsKey(definitionPath), current);
}

} // namespace stepwise::ui
