#include "ui/files/Exports.h"

#include "core/asl/Parser.h"
#include "core/asl/Serializer.h"
#include "core/formats/Template.h"
#include "ui/canvas/CanvasRender.h"
#include "ui/canvas/CanvasScene.h"
#include "ui/document/Document.h"
#include "ui/document/DocumentIo.h"


namespace stepwise::ui {

asl::StateMachine newStateMachine()
{
    auto machine = asl::parse(R"({
  "Comment": "A new state machine",
  "StartAt": "Start",
  "States": {
    "Start": {
      "Type": "Pass",
      "End": true
    }
  }
})");
    Q_ASSERT(machine.hasValue());
    return std::move(machine).value();
}

bool exportDefinition(const Document &document, const QString &path, DefinitionFormat format,
                      QString &error)
{
    if (!document.hasMachine()) {
        error = QObject::tr("There is no state machine to export");
        return false;
    }
    const std::string text = format == DefinitionFormat::Yaml
                                 ? asl::serializeYaml(document.machine())
                                 : asl::serialize(document.machine());
    return writeAtomically(path, QByteArray::fromStdString(text), error);
}

bool exportTemplate(const Document &document, const QString &path, TemplateFlavour flavour,
                    QString &error)
{
    if (!document.hasMachine()) {
        error = QObject::tr("There is no state machine to export");
        return false;
    }
    formats::ExportOptions options;
    options.kind = flavour == TemplateFlavour::Sam ? formats::TemplateKind::Sam
                                                   : formats::TemplateKind::CloudFormation;
    options.format = path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)
                         ? formats::TextFormat::Json
                         : formats::TextFormat::Yaml;
    return writeAtomically(
        path, QByteArray::fromStdString(formats::exportTemplate(document.machine(), options)),
        error);
}

bool exportDiagram(const Document &document, const QString &path, QString &error)
{
    if (!document.hasMachine()) {
        error = QObject::tr("There is no diagram to export");
        return false;
    }
    CanvasScene scene(CanvasStyle::light());
    scene.sync(document.graph(), document.layout());
    scene.setDiagnostics(document.diagnostics());
    return renderScene(scene, path, error);
}

} // namespace stepwise::ui
