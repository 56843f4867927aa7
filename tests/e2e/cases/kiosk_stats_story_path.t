# orilla stats --story PATH: the story's title, scene words and choice labels from its folder,
# in its order; a scene with one way on (inicio in the real story) is left out
args: stats --db tests/data/kiosk/stats-sample.db --story stories/tres-caminos --min-sessions 5
exit: 0
stdout-contains: tres-caminos  version 1.0.0  "Tres caminos"
stdout-contains: "Tomar hoy mismo el bus hacia el sur" → marisol-2
stdout-contains: Cúcuta, terminal de buses
stdout-contains: 1 scene with one way on left out (no decision there)
stdout-not-contains: evil
