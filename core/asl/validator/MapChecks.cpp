// Map state fields (ASL spec §1.7, labels §1.4): processor configuration, distributed-only
// fields, ItemReader / ItemBatcher / ResultWriter basics, tolerated failures, Label.
#include "core/asl/validator/ValidationContext.h"

namespace stepwise::asl::validator {
namespace {

bool isOneOf(const Json &value, std::initializer_list<const char *> allowed)
{
    if (!value.is_string())
        return false;
    for (const char *candidate : allowed)
        if (value.get<std::string>() == candidate)
            return true;
    return false;
}

void checkEnum(ValidationContext &ctx, const Json &object, const std::string &pointer,
               const char *field, std::initializer_list<const char *> allowed)
{
    auto it = object.find(field);
    if (it == object.end() || isOneOf(*it, allowed))
        return;
    std::string list;
    for (const char *value : allowed)
        list += list.empty() ? value : std::string(", ") + value;
    ctx.error(childPointer(pointer, field),
              std::string("The field '") + field + "' should have one of these values: [" + list + "]");
}

void checkUnknown(ValidationContext &ctx, const Json &object, const std::string &pointer,
                  std::initializer_list<const char *> allowed)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        bool known = false;
        for (const char *field : allowed)
            known = known || it.key() == field;
        if (!known)
            ctx.error(pointer, "Field '" + it.key() + "' is not supported");
    }
}

// Returns true for a DISTRIBUTED processor.
bool checkProcessorConfig(ValidationContext &ctx, const StateRef &state)
{
    auto processor = state.json.find("ItemProcessor");
    if (processor == state.json.end() || !processor->is_object())
        return false;
    auto config = processor->find("ProcessorConfig");
    if (config == processor->end())
        return false;
    const std::string pointer = childPointer(childPointer(state.pointer, "ItemProcessor"),
                                             "ProcessorConfig");
    if (!config->is_object()) {
        ctx.error(pointer, "The value of the field 'ProcessorConfig' must be an object");
        return false;
    }
    checkUnknown(ctx, *config, pointer, {"Mode", "ExecutionType"});
    checkEnum(ctx, *config, pointer, "Mode", {"INLINE", "DISTRIBUTED"});
    checkEnum(ctx, *config, pointer, "ExecutionType", {"STANDARD", "EXPRESS"});
    const bool distributed = config->contains("Mode") && (*config)["Mode"] == Json("DISTRIBUTED");
    if (distributed && !config->contains("ExecutionType"))
        ctx.error(pointer, "The field 'ExecutionType' is required but was missing");
    return distributed;
}

// §1.4: 1..40 characters, none of the forbidden characters, unique in the definition.
void checkLabel(ValidationContext &ctx, const StateRef &state, const Json &label)
{
    const std::string pointer = childPointer(state.pointer, "Label");
    if (!label.is_string()) {
        ctx.error(pointer, "The value of the field 'Label' must be a string");
        return;
    }
    const std::string text = label.get<std::string>();
    const std::size_t length = codePointCount(text);
    bool valid = length >= 1 && length <= 40;
    static const std::string kForbidden = " \t\n\r<>{}[]?*\"#%\\^|~`$&,;:/";
    for (char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        valid = valid && kForbidden.find(c) == std::string::npos && byte >= 0x20 && byte != 0x7F;
    }
    if (!valid)
        ctx.error(pointer, "Label '" + text + "' is not valid", kInvalidLabel);
    else if (!ctx.registerLabel(text))
        ctx.error(pointer, "Duplicate Label name: '" + text + "'", kDuplicateLabel);
}

void checkItemReader(ValidationContext &ctx, const StateRef &state, const Json &reader,
                     const std::string &pointer)
{
    checkUnknown(ctx, reader, pointer, {"Resource", "Parameters", "Arguments", "ReaderConfig"});
    if (!reader.contains("Resource"))
        ctx.error(pointer, "The field 'Resource' is required but was missing");
    for (const char *key : {"Parameters", "Arguments"})
        if (auto it = reader.find(key); it != reader.end())
            checkPayloadTemplate(ctx, *it, childPointer(pointer, key), state.language);
    auto config = reader.find("ReaderConfig");
    if (config == reader.end() || !config->is_object())
        return;
    const std::string configPointer = childPointer(pointer, "ReaderConfig");
    checkUnknown(ctx, *config, configPointer,
                 {"InputType", "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter", "MaxItems",
                  "MaxItemsPath", "ManifestType", "Transformation", "ItemsPointer"});
    checkEnum(ctx, *config, configPointer, "InputType", {"CSV", "JSON", "JSONL", "PARQUET", "MANIFEST"});
    checkEnum(ctx, *config, configPointer, "CSVHeaderLocation", {"FIRST_ROW", "GIVEN"});
    checkEnum(ctx, *config, configPointer, "CSVDelimiter", {"COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"});
    checkIntegerField(ctx, state, *config, configPointer, "MaxItems", 0, 100000000);
    if (config->contains("MaxItems") && config->contains("MaxItemsPath"))
        ctx.error(configPointer, "There should only be one of the following fields: [MaxItems, MaxItemsPath]");
    if ((*config).value("CSVHeaderLocation", Json()) == Json("GIVEN") && !config->contains("CSVHeaders"))
        ctx.error(configPointer, "The field 'CSVHeaders' is required but was missing");
}

void checkItemBatcher(ValidationContext &ctx, const StateRef &state, const Json &batcher,
                      const std::string &pointer)
{
    checkUnknown(ctx, batcher, pointer,
                 {"MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch",
                  "MaxInputBytesPerBatchPath", "BatchInput"});
    checkIntegerField(ctx, state, batcher, pointer, "MaxItemsPerBatch", 1, 100000000);
    checkIntegerField(ctx, state, batcher, pointer, "MaxInputBytesPerBatch", 1, 262144);
    for (const char *key : {"MaxItemsPerBatchPath", "MaxInputBytesPerBatchPath"})
        if (auto it = batcher.find(key); it != batcher.end())
            checkReferencePathField(ctx, *it, key, childPointer(pointer, key), false);
    if (!batcher.contains("MaxItemsPerBatch") && !batcher.contains("MaxItemsPerBatchPath") &&
        !batcher.contains("MaxInputBytesPerBatch") && !batcher.contains("MaxInputBytesPerBatchPath"))
        ctx.error(pointer, "At least one of the following fields is required: "
                           "[MaxItemsPerBatch, MaxInputBytesPerBatch]");
    if (auto it = batcher.find("BatchInput"); it != batcher.end())
        checkPayloadTemplate(ctx, *it, childPointer(pointer, "BatchInput"), state.language);
}

void checkResultWriter(ValidationContext &ctx, const StateRef &state, const Json &writer,
                       const std::string &pointer)
{
    checkUnknown(ctx, writer, pointer, {"Resource", "Parameters", "Arguments", "WriterConfig"});
    for (const char *key : {"Parameters", "Arguments"})
        if (auto it = writer.find(key); it != writer.end())
            checkPayloadTemplate(ctx, *it, childPointer(pointer, key), state.language);
    auto config = writer.find("WriterConfig");
    if (config == writer.end() || !config->is_object())
        return;
    const std::string configPointer = childPointer(pointer, "WriterConfig");
    checkUnknown(ctx, *config, configPointer, {"OutputType", "Transformation"});
    checkEnum(ctx, *config, configPointer, "OutputType", {"JSON", "JSONL"});
    checkEnum(ctx, *config, configPointer, "Transformation", {"NONE", "COMPACT", "FLATTEN"});
}

void checkDistributedFields(ValidationContext &ctx, const StateRef &state, bool distributed)
{
    for (const char *key : {"ItemReader", "ItemBatcher", "ResultWriter", "Label"}) {
        auto it = state.json.find(key);
        if (it == state.json.end())
            continue;
        const std::string pointer = childPointer(state.pointer, key);
        if (!distributed) {
            ctx.error(state.pointer, std::string("Field '") + key +
                                         "' is only supported for a Map with Mode DISTRIBUTED");
            continue;
        }
        if (std::string(key) == "Label") {
            checkLabel(ctx, state, *it);
        } else if (!it->is_object()) {
            ctx.error(pointer, std::string("The value of the field '") + key + "' must be an object");
        } else if (std::string(key) == "ItemReader") {
            checkItemReader(ctx, state, *it, pointer);
        } else if (std::string(key) == "ItemBatcher") {
            checkItemBatcher(ctx, state, *it, pointer);
        } else {
            checkResultWriter(ctx, state, *it, pointer);
        }
    }
}

void checkToleratedFailures(ValidationContext &ctx, const StateRef &state)
{
    checkIntegerField(ctx, state, state.json, state.pointer, "ToleratedFailureCount", 0, 100000000);
    auto percentage = state.json.find("ToleratedFailurePercentage");
    if (percentage != state.json.end() && !isJsonataExpression(*percentage)) {
        const std::string pointer = childPointer(state.pointer, "ToleratedFailurePercentage");
        if (!percentage->is_number())
            ctx.error(pointer, "The value of the field 'ToleratedFailurePercentage' must be a number");
        else if (percentage->get<double>() < 0.0)
            ctx.error(pointer, "Minimum value is 0");
        else if (percentage->get<double>() > 100.0)
            ctx.error(pointer, "Maximum value is 100.0");
    }
    for (const char *key : {"ToleratedFailureCountPath", "ToleratedFailurePercentagePath"})
        if (auto it = state.json.find(key); it != state.json.end())
            checkReferencePathField(ctx, *it, key, childPointer(state.pointer, key), false);
}

} // namespace

void checkMapState(ValidationContext &ctx, const StateRef &state)
{
    const bool distributed = checkProcessorConfig(ctx, state);
    checkDistributedFields(ctx, state, distributed);
    checkToleratedFailures(ctx, state);
    checkIntegerField(ctx, state, state.json, state.pointer, "MaxConcurrency", 0, 100000000);
    const bool jsonPath = state.language == QueryLanguage::JsonPath;
    if (auto it = state.json.find("MaxConcurrencyPath"); it != state.json.end() && jsonPath)
        checkReferencePathField(ctx, *it, "MaxConcurrencyPath",
                                childPointer(state.pointer, "MaxConcurrencyPath"), false);
    if (auto it = state.json.find("ItemsPath"); it != state.json.end() && jsonPath)
        checkReferencePathField(ctx, *it, "ItemsPath", childPointer(state.pointer, "ItemsPath"), false);
    if (auto it = state.json.find("Items"); it != state.json.end() && !jsonPath) {
        if (!it->is_array() && !isJsonataExpression(*it))
            ctx.error(childPointer(state.pointer, "Items"),
                      "The value of the field 'Items' must be an array or a JSONata expression");
        checkJsonataStrings(ctx, *it, childPointer(state.pointer, "Items"));
    }
    if (auto it = state.json.find("ItemSelector"); it != state.json.end())
        checkPayloadTemplate(ctx, *it, childPointer(state.pointer, "ItemSelector"), state.language);
}

} // namespace stepwise::asl::validator
