# A testimony whose consent covers the workshop shows its first words in the graph.
args: graph stories/el-cruce --lang es
exit: 0
stdout-contains: Testimonio de Marta\n“Cuando crucé
stdout-contains: Cómo leer este dibujo
