# ORILLA_LANG=es: info's labels and consent summary in Spanish.
args: info tests/fuzz/corpus/bundle/care-signed.orilla
env: ORILLA_LANG=es
exit: 0
stdout-contains:   título:          Del otro lado
stdout-contains:   manifiesto:      sí, con 2 archivos
stdout-contains:   firma:           sí, clave
stdout-contains: ámbito workshop, kiosk; dado el 2025-03-02; termina el 2030-03-02
stdout-contains:   consentimiento:  workshop 2/2
