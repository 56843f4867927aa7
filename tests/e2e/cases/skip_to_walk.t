# walk --all follows a skip_to: a scene reached only by skipping a content note is reached.
args: walk tests/data/skip-only --all
stdout-contains: scenes reached: 3 of 3
