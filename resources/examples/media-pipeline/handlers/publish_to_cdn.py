"""PublishToCdn: makes the renditions available and returns the playback address."""
import json
import sys

event = json.load(sys.stdin)
renditions = [f"{r['height']}p" for r in event["renditions"]]
json.dump({"videoId": event["videoId"], "playbackUrl": f"https://cdn.example.com/v/{event['videoId']}/index.m3u8",
           "renditions": renditions, "tags": event["labels"]}, sys.stdout)
