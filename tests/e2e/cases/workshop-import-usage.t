# Only Twee can be imported; the format is named first.
args: import ink story.ink -o out
exit: 2
output-contains: import twee
