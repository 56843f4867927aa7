# The terminal player: story note, a scene's content note (Continue), the fact with its
# source, the testimony's content note (Continue), the testimony, support, credits.
args: text tests/data/care-story --choices 1,1,1,1,1
env: ORILLA_TODAY=2026-01-10
exit: 0
stdout-contains: [Content note: violence, family separation]
stdout-contains: (Type s at any choice to see who you can talk to.)
stdout-contains: [Content note: violence]
stdout-contains:   1. Continue
stdout-contains:   2. Skip this part
stdout-contains: == The border ==
stdout-contains: At the border the soldiers took the bags.
stdout-contains: * Fact: More than 7.7 million people have left Venezuela.
stdout-contains: (Source: R4V, 2024, https://r4v.info)
stdout-contains:     [Content note: violence, family separation]
stdout-contains: Testimony of Ana:
stdout-contains: I crossed the bridge with my daughter asleep in my arms.
stdout-contains: — The end —
stdout-contains: If this story touched you, you can talk to:
stdout-contains:   - Psychological support line: 171 option 6
stdout-contains:     Free, day and night.
stdout-contains:   - Jesuit Refugee Service: sjr.org.ec
stdout-contains: Co-created in a workshop in Quito
stdout-contains: Authors: Quito workshop, Ana, Luis
stdout-contains: Licence: CC BY-NC-ND 4.0
stdout-not-contains: A testimony was here
