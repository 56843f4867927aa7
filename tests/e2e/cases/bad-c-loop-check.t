# check walks the story because of its `when` choice, which runs on_enter: it ends
args: check tests/data/bad-c-loop
exit: 0 1
