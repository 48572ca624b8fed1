"""sns:publish stand-in: prints the notification to stderr and answers with a stable MessageId."""
import hashlib
import json
import sys

event = json.load(sys.stdin)
print(f"[{event['TopicArn']}] {event.get('Subject', '')}: {event['Message']}", file=sys.stderr)
digest = hashlib.sha1(event["Message"].encode()).hexdigest()
json.dump({"MessageId": f"{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"},
          sys.stdout)
