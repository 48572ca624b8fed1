#include "ui/document/DocumentIo.h"

#include "core/asl/Parser.h"
#include "core/asl/Serializer.h"
#include "core/asl/Validator.h"
#include "ui/document/Document.h"

#include <QFile>
#include <QSaveFile>

namespace stepwise::ui {
bool writeAtomically(const QString &path, const QByteArray &bytes, QString &error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        error = QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<LoadedDocument> loadDocument(const QString &path, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = QObject::tr("Cannot open %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > maxDefinitionFileBytes) {
        const auto mebibytes = [](qint64 bytes) {
            return QString::number(static_cast<double>(bytes) / (1024.0 * 1024.0), 'f', 1);
        };
        error = QObject::tr("Cannot open %1: the file is %2 MiB; Stepwise opens state machine "
                            "definitions up to %3 MiB (AWS accepts at most 1 MiB).")
                    .arg(path, mebibytes(file.size()), mebibytes(maxDefinitionFileBytes));
        return std::nullopt;
    }
    return loadDocumentText(path, QString::fromUtf8(file.readAll()));
}

LoadedDocument loadDocumentText(const QString &path, const QString &text)
{
    LoadedDocument document;
    document.path = path;
    document.text = text;
    const std::string utf8 = text.toStdString();
    document.diagnostics = asl::validateText(utf8);
    auto machine = asl::parse(utf8);
    if (machine)
        document.machine = std::move(machine).value();
    return document;
}

graph::Layout loadLayoutSidecar(const QString &aslPath)
{
    QFile file(QString::fromStdString(graph::sidecarPath(aslPath.toStdString())));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const Json json = Json::parse(file.readAll().toStdString(), nullptr, false);
    auto layout = graph::layoutFromSidecar(json);
    return layout ? std::move(layout).value() : graph::Layout{};
}

void openInto(Document &document, LoadedDocument loaded)
{
    if (!loaded.machine) {
        document.resetBroken(std::move(loaded.diagnostics), loaded.path);
        return;
    }
    document.reset(std::move(*loaded.machine), loadLayoutSidecar(loaded.path), loaded.path);
}

bool saveDocument(Document &document, const QString &path, QString &error)
{
    if (!document.hasMachine()) {
        error = QObject::tr("There is no state machine to save");
        return false;
    }
    const bool yaml =
        path.endsWith(QStringLiteral(".yaml")) || path.endsWith(QStringLiteral(".yml"));
    const std::string text =
        yaml ? asl::serializeYaml(document.machine()) : asl::serialize(document.machine());
    if (!writeAtomically(path, QByteArray::fromStdString(text), error))
        return false;
    const std::string sidecar =
        graph::sidecarJson(document.layout(), document.graph()).dump(2) + '\n';
    const QString sidecarFile = QString::fromStdString(graph::sidecarPath(path.toStdString()));
    if (!writeAtomically(sidecarFile, QByteArray::fromStdString(sidecar), error))
        return false;
    document.setFilePath(path);
    document.markClean();
    return true;
}

} // namespace stepwise::ui
