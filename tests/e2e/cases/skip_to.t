# skip_to: skipping "obra" leads straight to "plaza" (the ending), past "foto" and "hospital".
args: text tests/data/kinds-story --choices 1,1,1,2
stdout-contains: Un domingo en la plaza.
stdout-not-contains: Tres semanas en una obra
stdout-not-contains: Una foto guardada.
stdout-not-contains: El hospital.
