#include "ui/canvas/NodeText.h"

#include <QFontMetricsF>
#include <QHash>
#include <QStringList>

namespace stepwise::ui {
namespace {

QString serviceName(const QString &service)
{
    static const QHash<QString, QString> names{
        {QStringLiteral("lambda"), QStringLiteral("Lambda")},
        {QStringLiteral("sns"), QStringLiteral("SNS")},
        {QStringLiteral("sqs"), QStringLiteral("SQS")},
        {QStringLiteral("dynamodb"), QStringLiteral("DynamoDB")},
        {QStringLiteral("states"), QStringLiteral("Step Functions")},
        {QStringLiteral("events"), QStringLiteral("EventBridge")},
        {QStringLiteral("bedrock"), QStringLiteral("Bedrock")},
        {QStringLiteral("http"), QStringLiteral("HTTP")},
        {QStringLiteral("ecs"), QStringLiteral("ECS")},
        {QStringLiteral("glue"), QStringLiteral("Glue")},
        {QStringLiteral("batch"), QStringLiteral("Batch")},
        {QStringLiteral("athena"), QStringLiteral("Athena")},
        {QStringLiteral("s3"), QStringLiteral("S3")},
        {QStringLiteral("sagemaker"), QStringLiteral("SageMaker")},
        {QStringLiteral("eks"), QStringLiteral("EKS")},
        {QStringLiteral("emr"), QStringLiteral("EMR")},
        {QStringLiteral("apigateway"), QStringLiteral("API Gateway")},
        {QStringLiteral("codebuild"), QStringLiteral("CodeBuild")},
        {QStringLiteral("mediaconvert"), QStringLiteral("MediaConvert")},
        {QStringLiteral("comprehend"), QStringLiteral("Comprehend")},
        {QStringLiteral("rekognition"), QStringLiteral("Rekognition")},
        {QStringLiteral("textract"), QStringLiteral("Textract")},
    };
    return names.value(service.toLower(), service);
}

// "sendMessage.waitForTaskToken" → "SendMessage (callback)".
QString actionName(QString action)
{
    QString mode;
    if (action.endsWith(QStringLiteral(".waitForTaskToken"))) {
        mode = QStringLiteral(" (callback)");
        action.chop(17);
    } else if (const qsizetype sync = action.indexOf(QStringLiteral(".sync")); sync >= 0) {
        mode = QStringLiteral(" (sync)");
        action.truncate(sync);
    }
    if (!action.isEmpty())
        action[0] = action[0].toUpper();
    return action + mode;
}

} // namespace

QString readableDetail(const std::string &detail)
{
    QString text = QString::fromStdString(detail);
    QString name;
    if (const qsizetype dot = text.indexOf(QStringLiteral(" · ")); dot >= 0) {
        name = text.mid(dot + 3);
        text.truncate(dot);
    }
    if (text.startsWith(QStringLiteral("arn:")) || text.contains(QLatin1Char(' ')) ||
        !text.contains(QLatin1Char(':')))
        return name.isEmpty() ? text : text + QStringLiteral(" · ") + name;
    QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() >= 3 && parts.front() == QStringLiteral("aws-sdk"))
        parts.removeFirst();
    const QString service = serviceName(parts.front());
    const QString action = actionName(parts.mid(1).join(QLatin1Char(':')));
    if (!name.isEmpty()) // the function says more than "Invoke"
        return service + QStringLiteral(" · ") + name;
    return service + QStringLiteral(": ") + action;
}

QString fittedDetail(const QString &text, const QFontMetricsF &metrics, qreal width)
{
    if (metrics.horizontalAdvance(text) <= width)
        return text;
    const qsizetype dot = text.indexOf(QStringLiteral(" · "));
    if (dot > 0) {
        const QString head = text.left(dot + 3);
        const qreal rest = width - metrics.horizontalAdvance(head);
        if (rest > metrics.horizontalAdvance(QStringLiteral("MMMM")))
            return head + metrics.elidedText(text.mid(dot + 3), Qt::ElideRight, rest);
    }
    return metrics.elidedText(text, Qt::ElideRight, width);
}

} // namespace stepwise::ui
