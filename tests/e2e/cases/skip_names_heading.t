# check: a testimony's heading ("Testimony of Rosa") introduces its narrator: no warning for a
# scene after it that names her, though she was first mentioned in a skipped part.
args: check tests/data/skip-heading
stdout-contains: no problems found
