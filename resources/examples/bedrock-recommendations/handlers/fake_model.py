"""bedrock:invokeModel stand-in: answers an Anthropic Messages request the way Claude might,
picking catalogue items that share a word with the prompt. The result has the integration's
shape: {"Body": <model response>, "ContentType": "application/json"}."""
import json
import sys

CATALOGUE = ["trail running vest", "waterproof trousers", "running cap", "hiking poles",
             "insulated bottle", "merino base layer"]

request = json.load(sys.stdin)
prompt = request["Body"]["messages"][0]["content"].lower()
words = {word.strip(".,[]") for word in prompt.split()}
picks = [item for item in CATALOGUE if any(word in words for word in item.split())][:3]
text = json.dumps(picks)
json.dump({"Body": {"id": "msg_local", "type": "message", "role": "assistant",
                    "content": [{"type": "text", "text": text}], "stop_reason": "end_turn"},
           "ContentType": "application/json"}, sys.stdout)
