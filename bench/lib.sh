# Shared by the bench/*.sh scripts: source it.
# The median of the arguments (the upper middle one for an even count).
middle() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
# Milliseconds since a `date +%s%N` start.
elapsed() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
