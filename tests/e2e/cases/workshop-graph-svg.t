# graph -o NAME.svg draws the picture with Graphviz's dot.
args: graph tests/data/graph-story -o story.svg
exit: 0
creates: story.svg
stderr-contains: wrote story.svg
