# A story in es-VE gets Spanish interface words (orl_ui_text matched the code exactly, so
# "Fact:" and "The end" while the kiosk matched the primary subtag): core/lang.h.
args: text tests/data/lang-es-ve --choices 1
exit: 0
stdout-contains: * Dato: El puente une dos países.
stdout-contains: (Fuente: Datos de prueba de Orilla, 2026)
stdout-contains: — Fin —
stdout-not-contains: Fact:
