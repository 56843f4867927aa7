# orilla consent at an exhibition, with the operator's withdrawal list: Luis's testimony is
# withdrawn (it would otherwise be shown there); a hidden testimony is not a problem (exit 0).
args: consent tests/data/care-consent --deployment exhibition --withdrawn tests/data/care-withdrawn/withdrawn.txt --date 2026-01-10
exit: 0
stdout-contains: where: exhibition; date: 2026-01-10 (--date); withdrawal list: 2 entries
stdout-matches: ^luis-river +Luis +exhibition +2025-03-04 +2030-03-04 +hidden: withdrawn +1514$
stdout-matches: ^ana-bridge .* hidden: consent does not cover this place
stdout-contains: 0 shown, 4 hidden
