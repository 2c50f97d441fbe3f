# Sourced by run.sh and the scripts under scripts/: builds the jars a command needs only when one is
# missing or a source (a pom.xml, anything under a module's src/main, the Maven wrapper) changed since
# the oldest of them was built. Always through the Maven wrapper with -am, so the modules a jar
# depends on come from this checkout, never from ~/.m2 (where a fresh machine has none).
#
#   jars_stale JAR...                 exit 0 when a build is needed (prints why), 1 when up to date
#   build_jars "MODULES" JAR...       builds MODULES (comma-separated; empty = every module) if stale
#   JARS_BUILD=auto|always|never      auto by default; run.sh's --build / --no-build set it

jars_stale() {
  local jar oldest=""
  for jar in "$@"; do
    if [[ ! -f "$jar" ]]; then
      echo "$jar is missing"
      return 0
    fi
    if [[ -z "$oldest" || "$jar" -ot "$oldest" ]]; then
      oldest="$jar"
    fi
  done
  local changed
  changed=$(find . \( -name target -o -name .run -o -name .git -o -name node_modules \) -prune -o -type f \
    \( -name pom.xml -o -path '*/src/main/*' -o -path './.mvn/*' -o -name mvnw \) -newer "$oldest" -print -quit)
  if [[ -n "$changed" ]]; then
    echo "${changed#./} changed since the jars were built"
    return 0
  fi
  return 1
}

build_jars() {
  local modules="$1" why
  shift
  case "${JARS_BUILD:-auto}" in
    never) return 0 ;;
    always) why="a build was asked for" ;;
    *) why=$(jars_stale "$@") || return 0 ;;
  esac
  echo "Building the jars, tests skipped ($why; the first build downloads dependencies and takes a few minutes) ..."
  if [[ -n "$modules" ]]; then
    ./mvnw -B -q -DskipTests -pl "$modules" -am package
  else
    ./mvnw -B -q -DskipTests package
  fi
}
