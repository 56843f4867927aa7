# The screen audit on the flagship: every screen, in es/en/fr/ar x text sizes 1-4 x the six
# screen shapes, laid out by the player's own layout code, with nothing to report (issue #16:
# the support screen, the panoramas, the corner buttons, larger text, portrait and phone).
args: check stories/tres-caminos --screens --verbose
exit: 0
timeout: 120
stderr-contains: 96 combinations
stderr-contains: 0 findings
stdout-not-contains: error:
