# A file with no passages is not a Twine story: nothing is written.
args: import twee tests/data/twee/no-passages.twee -o out
exit: 1
output-contains: no passages
