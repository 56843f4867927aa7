# check warns when a scene after a skip names someone met only in the skipped part; not for a
# name the skip_text gives, nor one met before the skip.
args: check tests/data/skip-names
output-contains: story.lua:23: warning: scene "mercado" names Daniela
output-not-contains: Nelly
output-not-contains: Lucía
