# graph -o NAME.dot writes the DOT text to that file; --lang es writes the picture's words in Spanish.
args: graph stories/el-cruce -o story.dot --lang es
exit: 0
creates: story.dot
