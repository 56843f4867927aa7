# The flagship has no withheld testimony any more: every transcript is in the template, each
# noted as recreated (issue 19).
args: strings stories/tres-caminos
stdout-contains: En el páramo aprendí que el frío se comparte
stdout-contains: #. recreated from real accounts, written for the story
stdout-not-contains: a real person's own words
