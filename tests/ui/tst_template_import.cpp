// File → Import Template (issue 7): a state machine inside a SAM template opens in the
// designer, the title names the template and the machine, Save writes only the definition back
// (comments and the other resources untouched), Save As writes ASL JSON.
#include "core/asl/StateMachine.h"
#include "ui/MainWindow.h"
#include "ui/commands/RenameStateCommand.h"
#include "ui/document/Document.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace stepwise;
using namespace stepwise::ui;

namespace {

const char *const Template = R"(# Orders service: keep this comment
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  OrdersMachine:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: Hello
        States:
          Hello:
            Type: Pass
            Next: Done
          Done:
            Type: Succeed
  AuditMachine:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: Audit
        States:
          Audit:
            Type: Succeed
  Bucket:
    Type: AWS::S3::Bucket # the rest of the file stays as written
)";

QString writeTemplate(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("template.yaml"));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(Template);
    return path;
}

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

std::vector<std::string> stateNames(const Document &document)
{
    std::vector<std::string> names;
    for (const asl::State &state : document.machine().states)
        names.push_back(asl::common(state).name);
    return names;
}

} // namespace

class TestTemplateImport : public QObject
{
    Q_OBJECT
private slots:
    void severalMachinesNeedAChoice()
    {
        QTemporaryDir dir;
        const QString path = writeTemplate(dir);
        MainWindow window;
        QVERIFY(!window.importTemplate(path, {}, true)); // quiet: no picker to ask
        QVERIFY(!window.document()->hasMachine());
        QVERIFY(!window.importTemplate(path, QStringLiteral("Missing"), true));
        QVERIFY(window.importTemplate(path, QStringLiteral("AuditMachine"), true));
        QCOMPARE(stateNames(*window.document()), std::vector<std::string>{"Audit"});
    }

    void saveWritesBackIntoTheTemplate()
    {
        QTemporaryDir dir;
        const QString path = writeTemplate(dir);
        MainWindow window;
        QVERIFY(window.importTemplate(path, QStringLiteral("OrdersMachine"), true));
        QVERIFY(window.templateSource().has_value());
        QCOMPARE(window.templateSource()->logicalId, QStringLiteral("OrdersMachine"));
        QVERIFY2(window.windowTitle().startsWith(QStringLiteral("template.yaml — OrdersMachine")),
                 qPrintable(window.windowTitle()));
        QCOMPARE(stateNames(*window.document()), (std::vector<std::string>{"Hello", "Done"}));

        Document *document = window.document();
        document->undoStack()->push(
            new RenameStateCommand(document, asl::StatePath{"/States/Hello"}, "Greet"));
        QVERIFY(!document->isClean());
        QVERIFY(window.saveTo(path, true));
        QVERIFY(document->isClean());

        const QString written = readAll(path);
        QVERIFY(written.startsWith(QStringLiteral("# Orders service: keep this comment\n")));
        QVERIFY(written.contains(QStringLiteral("Type: AWS::S3::Bucket # the rest of the file stays as written")));
        QVERIFY(written.contains(QStringLiteral("AuditMachine")));
        QVERIFY(written.contains(QStringLiteral("Greet")));
        QVERIFY(!written.contains(QStringLiteral("Hello")));

        // Opening the template again gives the edited machine; the other one is untouched.
        MainWindow again;
        QVERIFY(again.importTemplate(path, QStringLiteral("OrdersMachine"), true));
        QCOMPARE(stateNames(*again.document()), (std::vector<std::string>{"Greet", "Done"}));
        QCOMPARE(again.document()->machine().startAt, std::string("Greet"));
        QVERIFY(again.importTemplate(path, QStringLiteral("AuditMachine"), true));
        QCOMPARE(stateNames(*again.document()), std::vector<std::string>{"Audit"});
    }

    void saveAsWritesAslJson()
    {
        QTemporaryDir dir;
        const QString path = writeTemplate(dir);
        MainWindow window;
        QVERIFY(window.importTemplate(path, QStringLiteral("OrdersMachine"), true));
        const QString asl = dir.filePath(QStringLiteral("orders.asl.json"));
        QVERIFY(window.saveTo(asl, true));
        QVERIFY(!window.templateSource().has_value());
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("orders.asl.json")));
        QVERIFY(readAll(asl).contains(QStringLiteral("\"StartAt\": \"Hello\"")));
        QCOMPARE(readAll(path), QString::fromUtf8(Template)); // the template is left alone
        // A plain file opened afterwards is not tied to the template either.
        QVERIFY(window.importTemplate(path, QStringLiteral("OrdersMachine"), true));
        QVERIFY(window.openFile(asl, true));
        QVERIFY(!window.templateSource().has_value());
    }
};

QTEST_MAIN(TestTemplateImport)
#include "tst_template_import.moc"
