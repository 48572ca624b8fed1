"""A tiny local DynamoDB for the Tasks table: putItem, updateItem, getItem and deleteItem on a JSON
file in the temporary folder (STEPWISE_TASKS_TABLE overrides the path). Request and response use
DynamoDB's typed attribute values ({"S": "text"}); errors use the names AWS gives them."""
import json
import os
import re
import sys
import tempfile

TABLE = os.environ.get("STEPWISE_TASKS_TABLE",
                       os.path.join(tempfile.gettempdir(), "stepwise-example-tasks.json"))


def fail(error, message):
    json.dump({"errorType": f"DynamoDB.{error}", "errorMessage": message}, sys.stdout)
    sys.exit(1)


def load():
    try:
        with open(TABLE) as f:
            return json.load(f)
    except FileNotFoundError:
        return {}


def save(items):
    with open(TABLE, "w") as f:
        json.dump(items, f)


def key_of(request):
    (name, value), = request["Key"].items()
    return f"{name}={value['S']}"


def put_item(request, items):
    key = f"taskId={request['Item']['taskId']['S']}"
    if request.get("ConditionExpression") == "attribute_not_exists(taskId)" and key in items:
        fail("ConditionalCheckFailedException", "The conditional request failed")
    items[key] = request["Item"]
    return {}


def update_item(request, items):
    key = key_of(request)
    item = items.setdefault(key, dict(request["Key"]))
    names = request.get("ExpressionAttributeNames", {})
    values = request.get("ExpressionAttributeValues", {})
    assignments = re.sub(r"^SET\s+", "", request["UpdateExpression"]).split(",")
    for assignment in assignments:
        name, value = (part.strip() for part in assignment.split("="))
        item[names.get(name, name)] = values[value]
    return {"Attributes": item} if request.get("ReturnValues") == "ALL_NEW" else {}


def get_item(request, items):
    item = items.get(key_of(request))
    return {"Item": item} if item is not None else {}


def delete_item(request, items):
    item = items.pop(key_of(request), None)
    return {"Attributes": item} if item is not None and request.get("ReturnValues") == "ALL_OLD" else {}


ACTIONS = {"putItem": put_item, "updateItem": update_item, "getItem": get_item, "deleteItem": delete_item}

request = json.load(sys.stdin)
if request.get("TableName") != "Tasks":
    fail("ResourceNotFoundException", f"Requested resource not found: Table: {request.get('TableName')} not found")
items = load()
response = ACTIONS[sys.argv[1]](request, items)
save(items)
json.dump(response, sys.stdout)
