# check warns 51 days before consent ends (ORILLA_TODAY), and it is still only a warning;
# the narrator is named by their name (narrator "ana" { name = "Ana" }), not by the id.
args: check tests/data/care-story
env: ORILLA_TODAY=2030-01-10
exit: 0
stdout-contains: warning: testimony "ana-bridge": consent ends on 2030-03-02, in 51 days; ask Ana about renewing it
stdout-contains: warning: testimony "luis-river": consent ends on 2030-03-04, in 53 days
