// The palette: every entry inserts a state that validates once placed in a flow, the drag
// payload follows the MIME contract, search filters, Enter / activation asks to insert.
#include "core/asl/EditsState.h"
#include "core/asl/Parser.h"
#include "core/asl/Serializer.h"
#include "core/asl/Validator.h"
#include "ui/document/Document.h"
#include "ui/palette/PaletteCatalog.h"
#include "ui/palette/PalettePanel.h"

#include <QDir>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace stepwise;
using namespace stepwise::ui;

class TestPalette : public QObject
{
    Q_OBJECT
private slots:
    void catalogHasEveryFlowStateAndAction()
    {
        QStringList titles;
        for (const PaletteEntry &entry : paletteCatalog())
            titles << entry.title;
        for (const char *title :
             {"Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map", "Lambda Invoke",
              "SNS Publish", "SQS SendMessage", "DynamoDB PutItem", "DynamoDB GetItem",
              "DynamoDB UpdateItem", "DynamoDB DeleteItem", "Bedrock InvokeModel", "HTTP Invoke",
              "Step Functions StartExecution", "EventBridge PutEvents"})
            QVERIFY2(titles.contains(QString::fromLatin1(title)), title);
    }

    void everyEntryValidatesInAFlow()
    {
        // Each entry followed by a Succeed (Succeed and Fail alone): the whole machine must be valid.
        for (const PaletteEntry &entry : paletteCatalog()) {
            Json state = entry.state;
            if (entry.type == asl::StateType::Choice) {
                state["Choices"][0]["Next"] = "Done";
                state["Default"] = "Done";
            } else if (entry.type != asl::StateType::Succeed && entry.type != asl::StateType::Fail)
                state["Next"] = "Done";
            Json machine = Json::object();
            machine["StartAt"] = "Entry";
            machine["States"]["Entry"] = state;
            if (entry.type != asl::StateType::Succeed && entry.type != asl::StateType::Fail)
                machine["States"]["Done"] = Json::object({{"Type", "Succeed"}});
            const auto diagnostics = asl::validate(machine);
            std::string messages;
            for (const Diagnostic &d : diagnostics)
                messages += d.path + ": " + d.message + "\n";
            QVERIFY2(!hasErrors(diagnostics), qPrintable(entry.title + QLatin1String("\n") +
                                                          QString::fromStdString(messages)));
        }
    }

    void lambdaHasTheStandardConfiguration()
    {
        for (const PaletteEntry &entry : paletteCatalog()) {
            if (entry.title != QLatin1String("Lambda Invoke"))
                continue;
            QCOMPARE(entry.state["Resource"].get<std::string>(),
                     std::string("arn:aws:states:::lambda:invoke"));
            QVERIFY(entry.state["Parameters"].contains("FunctionName"));
            QCOMPARE(entry.state["Parameters"]["Payload.$"].get<std::string>(), std::string("$"));
            QCOMPARE(entry.state["Retry"][0]["ErrorEquals"].size(), std::size_t(4));
            return;
        }
        QFAIL("no Lambda Invoke entry");
    }

    void payloadFollowsTheMimeContract()
    {
        const PaletteEntry entry = paletteCatalog().at(7);
        const QByteArray payload = palettePayload(entry);
        const Json json = Json::parse(payload.toStdString());
        QCOMPARE(json["name"].get<std::string>(), entry.title.toStdString());
        QCOMPARE(json["state"], entry.state);
        const auto parsed = parsePalettePayload(payload);
        QVERIFY(parsed);
        QCOMPARE(parsed->state, entry.state);
        QVERIFY(!parsePalettePayload("[1, 2]"));
        QVERIFY(!parsePalettePayload("not json"));
        QCOMPARE(QString::fromLatin1(PaletteMimeType), QStringLiteral("application/x-stepwise-state"));
    }

    void searchFiltersAndEnterInserts()
    {
        Document document;
        document.reset(asl::parse(R"({"StartAt": "A", "States": {"A": {"Type": "Succeed"}}})").value(),
                       {}, QStringLiteral("x.asl.json"));
        PalettePanel panel(&document, nullptr);
        QCOMPARE(panel.visibleTitles().size(), static_cast<qsizetype>(paletteCatalog().size()));
        panel.setFilter(QStringLiteral("dynamo"));
        QCOMPARE(panel.visibleTitles().size(), qsizetype(4));
        panel.setFilter(QStringLiteral("sqs"));
        QCOMPARE(panel.visibleTitles(), QStringList{QStringLiteral("SQS SendMessage")});
        QSignalSpy spy(&panel, &PalettePanel::insertRequested);
        auto *search = panel.findChild<QLineEdit *>();
        QVERIFY(search);
        QTest::keyClick(search, Qt::Key_Return);
        QCOMPARE(spy.count(), 1);
        const auto payload = parsePalettePayload(spy.at(0).at(0).toByteArray());
        QVERIFY(payload);
        QCOMPARE(payload->name, std::string("SQS SendMessage"));
        panel.setFilter(QString());
        if (const QString dir = qEnvironmentVariable("STEPWISE_SCREENSHOT_DIR"); !dir.isEmpty()) {
            panel.resize(260, 620);
            panel.grab().save(QDir(dir).filePath(QStringLiteral("palette.png")));
        }
    }
};

QTEST_MAIN(TestPalette)
#include "tst_palette.moc"
