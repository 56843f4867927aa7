# A language Orilla has no messages in is a usage error that says which it has.
args: walk tests/data/good-small --lang fr
exit: 2
stderr-contains: --lang is en (English) or es (español), not 'fr'
