# t27-compression.sh: gzip and br for pages, JSON, exports (streamed) and assets (compressed at build time),
# each decompressing to exactly the plain body; Accept-Encoding's q-values; Vary.
. "$(dirname "$0")/lib.sh"
"$LECTERN" demo --db "$DB" >/dev/null 2>&1
make_user staff staff 'staff-password-42'
start_server || exit 1

# same_decoded PATH CODING [curl args...]: the body sent in CODING, decoded by curl, is byte for
# byte the plain body, and was sent in CODING.
same_decoded() {
	local p=$1 coding=$2
	shift 2
	http "$@" "$URL$p" >"$TMP/plain"
	http -D "$TMP/headers" -o "$TMP/raw" -H "Accept-Encoding: $coding" "$@" "$URL$p"
	http --compressed -H "Accept-Encoding: $coding" "$@" "$URL$p" >"$TMP/decoded"
	tr -d '\r' <"$TMP/headers" | grep -qix "content-encoding: $coding" &&
		cmp -s "$TMP/plain" "$TMP/decoded" && [ -s "$TMP/plain" ] &&
		[ "$(wc -c <"$TMP/raw")" -lt "$(wc -c <"$TMP/plain")" ]
}

login staff 'staff-password-42' >/dev/null
for coding in gzip br; do
	check "HTML in $coding, decoded to the plain page" same_decoded /orgs/spotify $coding
	check "JSON in $coding" same_decoded /orgs/spotify.json $coding
	check "CSV, streamed, in $coding" same_decoded '/export/speakers.csv?bom=1' $coding
	check "schedule.xml, streamed, in $coding" same_decoded /events/kubecon-eu-2019/schedule.xml $coding
	check "iCalendar in $coding" same_decoded /events/kubecon-eu-2019/schedule.ics $coding
	check "a logged-in page, compressed as it goes, in $coding" same_decoded /orgs/spotify $coding \
		-b "$TMP/jar-staff"
	check "a compiled-in asset in $coding" same_decoded /assets/style.css $coding
done
check "a logged-in page in gzip" same_decoded /me gzip -b "$TMP/jar-staff"
check "the stylesheet decodes to assets/style.css" sh -c \
	"curl -s --compressed -H 'Accept-Encoding: gzip' '$URL/assets/style.css' | cmp -s - assets/style.css"
check "a gzip stream is one whole gzip member" sh -c \
	"curl -s -H 'Accept-Encoding: gzip' '$URL/export/speakers.csv' | gzip -t"
expect_header "a stream stays chunked" '^transfer-encoding: chunked' /export/speakers.csv -H 'Accept-Encoding: gzip'
expect_header "an asset's copy has its length" '^content-length: [0-9]+$' /assets/style.css -H 'Accept-Encoding: br'
check "the asset copies were made at build time (br smaller than gzip)" test \
	"$(http -H 'Accept-Encoding: br' "$URL/assets/style.css" | wc -c)" -lt \
	"$(http -H 'Accept-Encoding: gzip' "$URL/assets/style.css" | wc -c)"

# Which coding.
expect_header "br is preferred at equal q" '^content-encoding: br' /orgs/spotify -H 'Accept-Encoding: gzip, br'
expect_header "a higher q wins" '^content-encoding: gzip' /orgs/spotify -H 'Accept-Encoding: br;q=0.2, gzip;q=0.9'
expect_no_body "q=0 refuses" '^[Cc]ontent-[Ee]ncoding' /orgs/spotify -H 'Accept-Encoding: gzip;q=0, br;q=0' -D - -o /dev/null
expect_no_body "no Accept-Encoding, no coding" '^[Cc]ontent-[Ee]ncoding' /orgs/spotify -D - -o /dev/null
expect_no_body "a small answer is sent as it is" '^[Cc]ontent-[Ee]ncoding' /healthz -H 'Accept-Encoding: gzip' -D - -o /dev/null
expect_no_body "images are not compressed again" '^[Cc]ontent-[Ee]ncoding' /assets/logo.svg -H 'Accept-Encoding: gzip' -D - -o /dev/null
expect_header "Vary on a compressible answer" '^vary: Accept-Encoding' /events -H 'Accept-Encoding: gzip'
expect_header "also when it went plain" '^vary: Accept-Encoding' /events
expect_header "on a logged-in page" '^vary: Accept-Encoding$' /orgs/spotify -b "$TMP/jar-staff"
expect_status "a 304 has no body to code" 304 /orgs/spotify -H 'Accept-Encoding: gzip' \
	-H "If-None-Match: $(http -D - -o /dev/null "$URL/orgs/spotify" | tr -d '\r' | sed -n 's/^ETag: //Ip')"

# Bytes on the wire.
plain=$(http "$URL/orgs/spotify" | wc -c)
gz=$(http -H 'Accept-Encoding: gzip' "$URL/orgs/spotify" | wc -c)
check "the page in gzip is under a third of its size ($gz of $plain bytes)" test $((gz * 3)) -lt "$plain"
echo "1..$n"
