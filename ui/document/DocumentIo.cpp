#include "ui/document/DocumentIo.h"

#include "core/asl/Parser.h"
#include "core/asl/Validator.h"

#include <QFile>

namespace stepwise::ui {

std::optional<LoadedDocument> loadDocument(const QString &path, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = QObject::tr("Cannot open %1: %2").arg(path, file.errorString());
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

} // namespace stepwise::ui
