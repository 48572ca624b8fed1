#include "ui/files/RecoveryStore.h"

#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

#include <algorithm>

namespace stepwise::ui {
namespace {

const QString suffix = QStringLiteral(".recovery.json");

QString lockPathFor(const QString &file)
{
    return file + QStringLiteral(".lock");
}

} // namespace

RecoveryStore::RecoveryStore(QString directory)
    : m_directory(directory.isEmpty() ? defaultDirectory() : std::move(directory))
{
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_file = QDir(m_directory).filePath(id + suffix);
}

RecoveryStore::~RecoveryStore() = default;

QString RecoveryStore::defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("recovery"));
}

bool RecoveryStore::write(const QString &originalPath, const QString &text, const Json &layout,
                          QString &error)
{
    if (!QDir().mkpath(m_directory)) {
        error = QObject::tr("Cannot create %1").arg(m_directory);
        return false;
    }
    if (!m_lock) {
        m_lock = std::make_unique<QLockFile>(lockPathFor(m_file));
        m_lock->setStaleLockTime(0); // only a dead owner makes it stale, never its age
        if (!m_lock->tryLock(0)) {
            error = QObject::tr("Cannot lock %1").arg(m_file);
            m_lock.reset();
            return false;
        }
    }
    Json entry = Json::object();
    entry["stepwiseRecovery"] = 1;
    entry["originalPath"] = originalPath.toStdString();
    entry["savedAt"] = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
    entry["text"] = text.toStdString();
    entry["layout"] = layout;
    const QByteArray bytes = QByteArray::fromStdString(entry.dump(1) + '\n');
    QSaveFile out(m_file);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        error = QObject::tr("Cannot write %1: %2").arg(m_file, out.errorString());
        return false;
    }
    return true;
}

void RecoveryStore::discard()
{
    QFile::remove(m_file);
    if (m_lock)
        m_lock->unlock();
    m_lock.reset();
}

bool RecoveryStore::hasFile() const
{
    return QFile::exists(m_file);
}

std::optional<RecoveryEntry> RecoveryStore::read(const QString &file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return std::nullopt;
    const Json json = Json::parse(in.readAll().toStdString(), nullptr, false);
    if (!json.is_object() || !json.contains("stepwiseRecovery") || !json.contains("text") ||
        !json["text"].is_string())
        return std::nullopt;
    RecoveryEntry entry;
    entry.file = file;
    entry.text = QString::fromStdString(json["text"].get<std::string>());
    if (json.contains("originalPath") && json["originalPath"].is_string())
        entry.originalPath = QString::fromStdString(json["originalPath"].get<std::string>());
    if (json.contains("layout"))
        entry.layout = json["layout"];
    if (json.contains("savedAt") && json["savedAt"].is_string())
        entry.savedAt = QDateTime::fromString(
            QString::fromStdString(json["savedAt"].get<std::string>()), Qt::ISODateWithMs);
    return entry;
}

std::vector<RecoveryEntry> RecoveryStore::orphans() const
{
    std::vector<RecoveryEntry> entries;
    const QDir dir(m_directory);
    const QStringList files =
        dir.entryList({QStringLiteral("*") + suffix}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        const QString file = dir.filePath(name);
        if (file == m_file)
            continue;
        // A live owner holds the lock; a crashed one left a stale lock QLockFile can take over.
        QLockFile lock(lockPathFor(file));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue;
        lock.unlock();
        if (auto entry = read(file))
            entries.push_back(std::move(*entry));
    }
    std::sort(entries.begin(), entries.end(), [](const RecoveryEntry &a, const RecoveryEntry &b) {
        return a.savedAt > b.savedAt;
    });
    return entries;
}

void RecoveryStore::remove(const RecoveryEntry &entry)
{
    QFile::remove(entry.file);
    QFile::remove(lockPathFor(entry.file));
}

} // namespace stepwise::ui
