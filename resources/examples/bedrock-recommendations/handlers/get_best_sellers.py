"""GetBestSellers: this week's best-selling products, minus what the customer already bought."""
import json
import sys

BEST_SELLERS = ["merino socks", "headlamp", "insulated bottle", "rain poncho", "trail mix"]

event = json.load(sys.stdin)
owned = set(event.get("exclude", []))
json.dump({"products": [p for p in BEST_SELLERS if p not in owned][:event.get("limit", 3)]}, sys.stdout)
