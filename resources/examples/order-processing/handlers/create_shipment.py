"""CreateShipment: books a parcel from the warehouse to the customer's address."""
import json
import sys
import zlib

event = json.load(sys.stdin)
tracking = zlib.crc32(f"{event['orderId']}/{event['warehouse']}".encode()) % 100000
json.dump({"trackingNumber": f"TRK-{tracking:05d}", "carrier": "ParcelCo",
           "city": event["address"]["city"]}, sys.stdout)
