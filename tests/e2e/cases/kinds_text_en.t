# English: the heading of a recreated testimony and the notice of an ended one.
args: text tests/data/kinds-story --lang en --choices 1,1,1,1,1,1,1,1
stdout-contains: Testimony of Marta (recreated from real accounts):
stdout-contains: A testimony recreated from real accounts was here. It is not shown
stdout-not-contains: The person who shared it
