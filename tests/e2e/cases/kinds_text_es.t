# Recreated and composite testimonies are named as such (issue 19): the heading, the notice of
# an ended recreated testimony (which claims no real person), and the credits; a real one
# keeps the plain heading.
args: text tests/data/kinds-story --choices 1,1,1,1,1,1,1,1
stdout-contains: Testimonio de Marta (recreado a partir de relatos reales):
stdout-contains: Testimonio de Tomás (compuesto a partir de varios relatos reales):
stdout-contains: Testimonio de Ana:
stdout-contains: Aquí había un testimonio recreado a partir de relatos reales. No se
stdout-not-contains: La persona que lo compartió
stdout-not-contains: ROSATXT
stdout-contains: Testimonios recreados a partir de relatos reales (escritos para esta
stdout-contains: Testimonios compuestos, cada uno a partir de varios relatos reales:
