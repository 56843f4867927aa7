# Two hotspots at the same point: no layout can tell them apart for a finger; the audit says
# so at the scene's line, with where it happens.
args: check tests/data/screens-overlap --screens
exit: 1
stdout-contains: story.lua:12: error:
stdout-contains: overlap
stdout-contains: Por la izquierda
stdout-contains: every screen shape
