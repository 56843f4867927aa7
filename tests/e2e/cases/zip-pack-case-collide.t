# A story folder (made on Linux) with images/Map.png and images/map.png: pack refuses it with
# the names, before writing anything, since on Windows or a Mac they are one file (issue #21,
# class 2). Made at test time: such a folder cannot be checked out on those systems.
setup: mkdir -p s/images
setup: cp tests/data/good-small/story.lua s/story.lua
setup: touch s/images/Map.png s/images/map.png
args: pack s -o s.orilla
exit: 1
output-contains: "images/Map.png" and "images/map.png" differ only by capitals
output-not-contains: not made by 'orilla pack'
