// Lambda resource names and the lambda:invoke result envelope (ASL spec §12.2).
#include "core/engine/handlers/LambdaResource.h"

#include <array>
#include <cstdio>
#include <ctime>
#include <random>
#include <vector>

namespace stepwise::engine {
namespace {

std::vector<std::string> splitColons(const std::string &text)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const auto colon = text.find(':', start);
        parts.push_back(text.substr(start, colon - start));
        if (colon == std::string::npos)
            return parts;
        start = colon + 1;
    }
}

std::string httpDate()
{
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::array<char, 64> buffer{};
    std::strftime(buffer.data(), buffer.size(), "%a, %d %b %Y %H:%M:%S GMT", &utc);
    return buffer.data();
}

std::string randomHex(std::size_t digits)
{
    static thread_local std::mt19937_64 engine{std::random_device{}()};
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < digits; ++i)
        out += kHex[engine() % 16];
    return out;
}

} // namespace

bool isLambdaInvoke(const std::string &resource)
{
    return resource == kLambdaInvokeArn;
}

std::optional<std::string> plainLambdaFunctionName(const std::string &resource)
{
    // arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]
    const auto parts = splitColons(resource);
    if (parts.size() < 7 || parts.size() > 8 || parts[0] != "arn" || parts[2] != "lambda" ||
        parts[5] != "function" || parts[6].empty())
        return std::nullopt;
    return parts[6];
}

std::string functionNameFromReference(const std::string &reference)
{
    if (auto name = plainLambdaFunctionName(reference))
        return *name;
    const auto parts = splitColons(reference);
    if (parts.size() >= 3 && parts[1] == "function")
        return parts[2];
    return parts[0];
}

std::optional<std::string> requestedLambdaFunction(const TaskRequest &request)
{
    if (auto name = plainLambdaFunctionName(request.resource))
        return name;
    if (!isLambdaInvoke(request.resource) || !request.payload.is_object())
        return std::nullopt;
    const auto found = request.payload.find("FunctionName");
    if (found == request.payload.end() || !found->is_string())
        return std::nullopt;
    return functionNameFromReference(found->get<std::string>());
}

std::string randomUuid()
{
    std::string hex = randomHex(32);
    hex[12] = '4';
    hex[16] = "89ab"[hex[16] % 4];
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
           hex.substr(16, 4) + "-" + hex.substr(20);
}

Json wrapLambdaInvokeResult(const Json &payload)
{
    const std::string requestId = randomUuid();
    const std::string date = httpDate();
    const std::string length = std::to_string(payload.dump().size());
    const std::string traceId = "Root=1-" + randomHex(8) + "-" + randomHex(24) + ";Parent=" +
                                randomHex(16) + ";Sampled=0;Lineage=1:" + randomHex(8) + ":0";
    Json headers = Json::object();
    headers["Connection"] = "keep-alive";
    headers["Content-Length"] = length;
    headers["Content-Type"] = "application/json";
    headers["Date"] = date;
    headers["X-Amz-Executed-Version"] = "$LATEST";
    headers["x-amzn-Remapped-Content-Length"] = "0";
    headers["x-amzn-RequestId"] = requestId;
    headers["X-Amzn-Trace-Id"] = traceId;
    Json allHeaders = Json::object();
    for (const char *name : {"X-Amz-Executed-Version", "x-amzn-Remapped-Content-Length",
                             "Connection", "x-amzn-RequestId", "Content-Length", "Date",
                             "X-Amzn-Trace-Id", "Content-Type"})
        allHeaders[name] = Json::array({headers.at(name)});

    Json result = Json::object();
    result["ExecutedVersion"] = "$LATEST";
    result["Payload"] = payload;
    result["SdkHttpMetadata"] = Json::object();
    result["SdkHttpMetadata"]["AllHttpHeaders"] = std::move(allHeaders);
    result["SdkHttpMetadata"]["HttpHeaders"] = std::move(headers);
    result["SdkHttpMetadata"]["HttpStatusCode"] = 200;
    result["SdkResponseMetadata"] = Json::object();
    result["SdkResponseMetadata"]["RequestId"] = requestId;
    result["StatusCode"] = 200;
    return result;
}

} // namespace stepwise::engine
