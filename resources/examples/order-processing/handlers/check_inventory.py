"""CheckInventory: reserves stock for every line of an order (event on stdin, result on stdout)."""
import json
import sys

STOCK = {"MUG-BLUE": 40, "TEAPOT-1L": 5, "KETTLE-STEEL": 0}

event = json.load(sys.stdin)
lines = event.get("items", [])
available = all(STOCK.get(line["sku"], 0) >= line["quantity"] for line in lines)
reserved = sum(line["quantity"] for line in lines) if available else 0
json.dump({"available": available, "warehouse": "WH-SOUTH" if available else None,
           "reserved": reserved}, sys.stdout)
