# An export is a path too: the translators' template leaves out the words of a testimony whose
# consent has ended (rosa-foto in tests/data/kinds-story ended on 2021-01-01), and keeps the
# others; a recreated testimony's note does not call its words a real person's.
args: strings tests/data/kinds-story
exit: 0
stdout-contains: #. testimony of Marta: handle with care
stdout-contains: #. recreated from real accounts, written for the story
stdout-contains: #. a real person's own words
stdout-not-contains: ROSATXT
