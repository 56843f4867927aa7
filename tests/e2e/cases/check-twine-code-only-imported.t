# In a story written by hand, "(nota: ...)" and "$word" are the author's words: check says
# nothing about Twine code there (only stories 'orilla import twee' made are searched).
args: check tests/data/twine-like-text
exit: 0
stdout-contains: no problems found (1 scene, 1 ending, 0 testimonies)
stdout-not-contains: still in this text
