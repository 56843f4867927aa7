# After consent has ended (ORILLA_TODAY), the terminal player prints the notice, never the
# testimony, and does not ask about warnings of a testimony it does not show.
args: text tests/data/care-story --choices 1,1,1,1
env: ORILLA_TODAY=2031-01-10
exit: 0
stdout-contains: A testimony was here. The person who shared it has not agreed to it
stdout-not-contains: I crossed the bridge
stdout-not-contains: Testimony of Ana
# four answers reach the end only if the testimony's content note was not asked
stdout-contains: — The end —
stdout-not-contains: (stopped)
