# ORILLA_LANG=es: the consent table's heading, its statuses and summary in Spanish.
args: consent tests/data/care-consent --deployment kiosk
env: ORILLA_LANG=es
env: ORILLA_TODAY=2026-01-10
exit: 0 1
stdout-contains: testimonio
stdout-contains: estado hoy
stdout-contains: dónde: kiosk; fecha: 2026-01-10 (ORILLA_TODAY)
stdout-matches: oculto: el consentimiento no incluye este lugar
stdout-matches: ^visibles: [0-9]+, ocultos: [0-9]+
