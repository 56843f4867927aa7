# import never writes into a folder that is not empty.
args: import twee tests/data/twee/sample.twee -o tests/data/twee
exit: 2
output-contains: not an empty folder
