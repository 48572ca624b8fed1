#include "ui/document/TemplateSource.h"

#include "core/formats/Template.h"
#include "core/graph/Layout.h"
#include "ui/document/Document.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace stepwise::ui {
namespace {

std::optional<std::string> readText(const QString &path, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = QObject::tr("Cannot open %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return file.readAll().toStdString();
}

QString describe(const QString &path, const formats::FormatError &problem)
{
    QString where = QFileInfo(path).fileName();
    if (problem.line > 0)
        where += QStringLiteral(":%1:%2").arg(problem.line).arg(problem.column);
    if (!problem.pointer.empty())
        where += QStringLiteral(" (%1)").arg(QString::fromStdString(problem.pointer));
    return QStringLiteral("%1: %2").arg(where, QString::fromStdString(problem.message));
}

// The layout sidecar of one machine in a template: "template.MyMachine.layout.json", so two
// machines of one template keep their own positions.
QString sidecarAnchor(const TemplateSource &source)
{
    const QFileInfo info(source.path);
    return info.dir().filePath(
        QStringLiteral("%1.%2.asl.json").arg(info.completeBaseName(), source.logicalId));
}

} // namespace

QStringList templateMachineIds(const QString &path, QString &error)
{
    const auto text = readText(path, error);
    if (!text)
        return {};
    auto ids = formats::stateMachineIds(*text);
    if (!ids) {
        error = describe(path, ids.error());
        return {};
    }
    QStringList out;
    for (const std::string &id : *ids)
        out << QString::fromStdString(id);
    if (out.isEmpty())
        error = QObject::tr("%1 holds no state machine (AWS::Serverless::StateMachine, "
                            "AWS::StepFunctions::StateMachine or stepFunctions.stateMachines)")
                    .arg(QFileInfo(path).fileName());
    return out;
}

std::optional<LoadedTemplate> loadFromTemplate(const QString &path, const QString &logicalId,
                                               QString &error)
{
    const auto text = readText(path, error);
    if (!text)
        return std::nullopt;
    formats::ImportOptions options;
    options.logicalId = logicalId.toStdString();
    options.baseDirectory = QFileInfo(path).absolutePath().toStdString();
    auto imported = formats::importTemplate(*text, options);
    if (!imported) {
        error = describe(path, imported.error());
        return std::nullopt;
    }
    LoadedTemplate loaded;
    loaded.source = {path, QString::fromStdString(imported->logicalId),
                     QString::fromStdString(imported->source)};
    loaded.document =
        loadDocumentText(path, QString::fromStdString(imported->definition.dump(2) + '\n'));
    loaded.pins = loadLayoutSidecar(sidecarAnchor(loaded.source));
    return loaded;
}

void openTemplateInto(Document &document, LoadedTemplate loaded)
{
    LoadedDocument &doc = loaded.document;
    if (!doc.machine) {
        document.resetBroken(std::move(doc.diagnostics), doc.path);
        return;
    }
    document.reset(std::move(*doc.machine), loaded.pins, doc.path);
}

bool saveIntoTemplate(Document &document, const TemplateSource &source, QString &error)
{
    if (!document.hasMachine()) {
        error = QObject::tr("There is no state machine to save");
        return false;
    }
    const auto text = readText(source.path, error);
    if (!text)
        return false;
    auto written =
        formats::replaceDefinition(*text, source.logicalId.toStdString(), document.machine());
    if (!written) {
        error = describe(source.path, written.error());
        return false;
    }
    if (!writeAtomically(source.path, QByteArray::fromStdString(*written), error))
        return false;
    const std::string sidecar =
        graph::sidecarJson(document.layout(), document.graph()).dump(2) + '\n';
    const QString sidecarFile =
        QString::fromStdString(graph::sidecarPath(sidecarAnchor(source).toStdString()));
    if (!writeAtomically(sidecarFile, QByteArray::fromStdString(sidecar), error))
        return false;
    document.markClean();
    return true;
}

} // namespace stepwise::ui
