# A story folder that does not exist: exit 2, nothing written.
args: strings tests/data/no-such-story -o story.pot
exit: 2
