# a database that is not there: exit 2, and none is created
args: stats --db nothing.db --csv
exit: 2
stderr-contains: cannot read nothing.db
