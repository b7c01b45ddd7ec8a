# Picks a JDK >= 21 for Sellavie's scripts (sourced by ./sellavie; keep in step with .ci/run's copy).
# After `sellavie_select_jdk`, JAVA_HOME names it and it is first on PATH; otherwise it prints a
# one-line cause and fix and returns 1.

sellavie_java_major() { # prints the major version of the JDK at $1, or nothing if it is not a JDK
  local home="$1" version=""
  [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 0
  if [[ -f "$home/release" ]]; then
    version="$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$home/release")"
  fi
  if [[ -z "$version" ]]; then
    version="$("$home/bin/java" -version 2>&1 | sed -n '1s/.*version "\([^"]*\)".*/\1/p')"
  fi
  version="${version#1.}"
  echo "${version%%[.+-]*}"
}

sellavie_select_jdk() {
  local major
  if [[ -n "${JAVA_HOME:-}" ]]; then
    major="$(sellavie_java_major "$JAVA_HOME")"
    if [[ -n "$major" && "$major" -ge 21 ]]; then
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  fi
  local best="" best_major=0 home
  for home in /usr/lib/jvm/*/; do
    home="${home%/}"
    major="$(sellavie_java_major "$home")"
    if [[ -n "$major" && "$major" -ge 21 && "$major" -gt "$best_major" ]]; then
      best="$home"
      best_major="$major"
    fi
  done
  if [[ -z "$best" ]]; then
    echo "sellavie: no JDK 21 or newer found (JAVA_HOME='${JAVA_HOME:-}' is $( [[ -n "${JAVA_HOME:-}" ]] && echo "JDK $(sellavie_java_major "$JAVA_HOME")" || echo unset), none under /usr/lib/jvm): install one (e.g. apt-get install temurin-25-jdk or openjdk-21-jdk) or point JAVA_HOME at it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}
