# A fact's link and a support contact follow the reader's language when the translation gives
# one (issue 19: English and French readers were sent to the Spanish-only acnur.org).
args: text stories/tres-caminos --lang en --choices 1,1,1,2,1,3,1,2,1,2
stdout-contains: https://www.r4v.info/en/refugeeandmigrants
stdout-contains: https://www.unhcr.org
stdout-not-contains: acnur.org
stdout-not-contains: refugiadosymigrantes
