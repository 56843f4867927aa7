# orilla consent: the table of every testimony, what the audience sees today, days left.
args: consent tests/data/care-consent --date 2026-01-10
exit: 0
stdout-contains: story "care-consent", 4 testimonies
stdout-contains: where: workshop; date: 2026-01-10 (--date)
stdout-matches: ^testimony +narrator +scope +recorded +expires +status today +days left$
stdout-matches: ^ana-bridge +Ana +workshop,kiosk +2025-03-02 +2028-03-02 +shown +782$
stdout-matches: ^luis-river +Luis +exhibition +2025-03-04 +2030-03-04 +hidden: consent does not cover this place +1514$
stdout-matches: ^rosa-letter +Rosa +workshop +2023-05-01 +2025-12-01 +hidden: consent has ended +0 \(ended\)$
stdout-matches: ^omar-night +Omar +workshop +2025-04-01 +2026-02-01 +shown +22$
stdout-contains: 2 shown, 2 hidden
stdout-not-contains: I crossed the bridge
