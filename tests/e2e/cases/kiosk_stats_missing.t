# a database that is not there: `FILE: error: ...`, exit 2, and none is created
args: stats --db nothing.db --csv
exit: 2
stderr-contains: nothing.db: error: cannot be read (No such file or directory)
