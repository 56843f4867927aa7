# play --headless --choices touches each choice as a person would: the first of 12 choices
# after 2,000 words is scrolled to, then a hotspot behind the first view is turned to, then
# touched.
args: play --headless --verbose --choices 1,1 --screenshot end.png tests/data/screens-break
exit: 0
timeout: 60
creates: end.png
stdout-contains: 2. scene end
