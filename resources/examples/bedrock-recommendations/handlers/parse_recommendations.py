"""ParseRecommendations: reads the model's answer as a JSON array of product names, drops what
the customer already owns, and rejects anything else so the workflow can fall back."""
import json
import sys

event = json.load(sys.stdin)
try:
    products = json.loads(event["answer"])
    if not isinstance(products, list) or not all(isinstance(p, str) for p in products):
        raise ValueError("not a list of names")
except ValueError as problem:
    json.dump({"errorType": "Recommendations.UnparseableAnswer",
               "errorMessage": f"The model's answer is not a JSON array of names ({problem})."}, sys.stdout)
    sys.exit(1)
owned = set(event.get("exclude", []))
json.dump({"products": [p for p in products if p not in owned][:3]}, sys.stdout)
