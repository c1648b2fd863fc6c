#!/usr/bin/env bash
# Builds a throw-away PKI with the openssl command line, for the signature tests: a root and a
# government-style intermediate (EC P-256), leaves of every kind the verdicts need, CRLs, trust
# folders, and detached signatures over one return. Usage: make-test-pki.sh OUT_DIR
set -euo pipefail
out="$1"
mkdir -p "$out"
cd "$out"
export OPENSSL_CONF=/dev/null

cat > ca.cnf <<'CNF'
[ca]
default_ca = CA_default
[CA_default]
dir = $ENV::CADIR
database = $dir/index.txt
new_certs_dir = $dir/new
serial = $dir/serial
crlnumber = $dir/crlnumber
default_md = sha256
default_days = 365
default_crl_days = 30
policy = policy_any
unique_subject = no
utf8 = yes
string_mask = utf8only
[policy_any]
commonName = supplied
[v3_ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[leaf]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[leaf_smime]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = emailProtection
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[tsa_leaf]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
extendedKeyUsage = critical,timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF
cat > tsa.cnf <<'CNF'
[tsa]
default_tsa = tsa_test
[tsa_test]
serial = ./tsa-serial
crypto_device = builtin
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
CNF
printf 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n' > ca.ext

ec() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
rsa() { openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:"$2" -out "$1" 2>/dev/null; }
cadir() { mkdir -p "$1/new"; : > "$1/index.txt"; [ -f "$1/serial" ] || echo 1000 > "$1/serial"; echo 1000 > "$1/crlnumber"; }
# issue CADIR CACERT CAKEY KEY SUBJECT OUT EXTENSIONS [extra openssl ca options]
issue() {
  local dir="$1" cacert="$2" cakey="$3" key="$4" subj="$5" cert="$6" ext="$7"; shift 7
  openssl req -new -utf8 -key "$key" -subj "$subj" -out "$cert.csr"
  CADIR="$dir" openssl ca -batch -config ca.cnf -preserveDN -notext -cert "$cacert" -keyfile "$cakey" \
    -in "$cert.csr" -out "$cert" -extensions "$ext" "$@" 2>/dev/null
}

# Root and the intermediate, in the government CA's style.
ec root.key
openssl req -x509 -new -utf8 -key root.key -days 3650 -out root.pem \
  -subj "/C=VN/O=Ban Cơ yếu Chính phủ (thử)/CN=RootCA chuyên dùng Chính phủ G2 (thử)" \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
cadir rootca; cadir interca
ec inter.key
issue rootca root.pem root.key inter.key "/C=VN/O=Ban Cơ yếu Chính phủ (thử)/CN=CA phục vụ các cơ quan Nhà nước G2 (thử)" inter.pem v3_ca -days 1800

# Leaves.
rsa good-rsa.key 2048
issue interca inter.pem inter.key good-rsa.key "/C=VN/O=UBND tỉnh Quảng Ngãi/OU=Sở Khoa học và Công nghệ/CN=Nguyễn Văn A" good-rsa.pem leaf
ec good-ec.key
issue interca inter.pem inter.key good-ec.key "/C=VN/O=UBND TINH QUANG NGAI/CN=Tran Thi B" good-ec.pem leaf_smime
ec expired.key
issue interca inter.pem inter.key expired.key "/C=VN/O=UBND tỉnh Quảng Ngãi/CN=Hết Hạn" expired.pem leaf \
  -startdate 20200101000000Z -enddate 20210101000000Z
ec revoked.key
issue interca inter.pem inter.key revoked.key "/C=VN/O=UBND tỉnh Quảng Ngãi/CN=Bị Thu Hồi" revoked.pem leaf
rsa weak.key 1024
issue interca inter.pem inter.key weak.key "/C=VN/O=UBND tỉnh Quảng Ngãi/CN=Khoá Ngắn" weak.pem leaf
ec sha1cert.key
issue interca inter.pem inter.key sha1cert.key "/C=VN/O=UBND tỉnh Quảng Ngãi/CN=Chứng Thư SHA1" sha1cert.pem leaf -md sha1
ec other.key
issue interca inter.pem inter.key other.key "/C=VN/O=UBND thành phố Đà Nẵng/CN=Người Đà Nẵng" other.pem leaf
ec evil.key
issue interca inter.pem inter.key evil.key "$(printf '/C=VN/O=UBND tỉnh Quảng Ngãi/CN=evil\033[31mRED\033]0;title\007\r\nfake')" evil.pem leaf

# A time-stamping authority under the intermediate (extended key usage timeStamping, critical), and
# one under the stranger root.
ec tsa.key
issue interca inter.pem inter.key tsa.key "/C=VN/O=Trung tâm Chứng thực điện tử quốc gia (thử)/CN=TSA thử" tsa.pem tsa_leaf

# CRLs: the revoked leaf, revoked before anything is signed with it.
CADIR=interca openssl ca -batch -config ca.cnf -cert inter.pem -keyfile inter.key -revoke revoked.pem 2>/dev/null
CADIR=interca openssl ca -batch -config ca.cnf -cert inter.pem -keyfile inter.key -gencrl -out inter.crl 2>/dev/null
CADIR=rootca openssl ca -batch -config ca.cnf -cert root.pem -keyfile root.key -gencrl -crlhours 24 -out root.crl 2>/dev/null

# A root nobody pinned, and a leaf under it.
ec stranger-root.key
openssl req -x509 -new -key stranger-root.key -days 3650 -out stranger-root.pem -subj "/CN=Stranger Root" \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
cadir strangerca
ec stranger.key
issue strangerca stranger-root.pem stranger-root.key stranger.key "/O=UBND tỉnh Quảng Ngãi/CN=Người Lạ" stranger.pem leaf

# A loop: A issued by B, B issued by A.
ec loopA.key; ec loopB.key
openssl req -x509 -new -key loopB.key -days 3650 -out loopB0.pem -subj "/CN=Loop B" -addext basicConstraints=critical,CA:TRUE
openssl req -new -key loopA.key -subj "/CN=Loop A" -out loopA.csr
openssl x509 -req -in loopA.csr -CA loopB0.pem -CAkey loopB.key -set_serial 1 -days 365 -extfile ca.ext -out loopA.pem 2>/dev/null
openssl req -new -key loopB.key -subj "/CN=Loop B" -out loopB.csr
openssl x509 -req -in loopB.csr -CA loopA.pem -CAkey loopA.key -set_serial 2 -days 365 -extfile ca.ext -out loopB.pem 2>/dev/null
ec loopleaf.key
openssl req -new -key loopleaf.key -subj "/O=UBND tỉnh Quảng Ngãi/CN=Loop Leaf" -out loopleaf.csr
openssl x509 -req -in loopleaf.csr -CA loopA.pem -CAkey loopA.key -set_serial 3 -days 365 -out loopleaf.pem 2>/dev/null
cat loopA.pem loopB.pem > loop-chain.pem

# A 64-deep chain under a pinned root.
ec deep0.key
openssl req -x509 -new -key deep0.key -days 3650 -out deep0.pem -subj "/CN=Deep 0" -addext basicConstraints=critical,CA:TRUE
: > deep-chain.pem
for i in $(seq 1 64); do
  ec "deep$i.key"
  openssl req -new -key "deep$i.key" -subj "/CN=Deep $i" -out "deep$i.csr"
  openssl x509 -req -in "deep$i.csr" -CA "deep$((i-1)).pem" -CAkey "deep$((i-1)).key" -set_serial "$i" -days 365 \
    -extfile ca.ext -out "deep$i.pem" 2>/dev/null
  cat "deep$i.pem" >> deep-chain.pem
done
ec deepleaf.key
openssl req -new -key deepleaf.key -subj "/O=UBND tỉnh Quảng Ngãi/CN=Deep Leaf" -out deepleaf.csr
openssl x509 -req -in deepleaf.csr -CA deep64.pem -CAkey deep64.key -set_serial 100 -days 365 -out deepleaf.pem 2>/dev/null

# Trust folders.
pin() { printf '%s %s\n' "$(openssl x509 -in "$1" -noout -fingerprint -sha256 | cut -d= -f2)" "$2"; }
mkdir -p trust-full trust-nocrl trust-unpinned trust-deep
cp root.pem inter.pem root.crl inter.crl trust-full/
pin root.pem "RootCA G2 (thử)" > trust-full/pins.txt
cp root.pem inter.pem trust-nocrl/
cp trust-full/pins.txt trust-nocrl/
openssl x509 -in root.pem -outform DER -out trust-unpinned/root.der
cp inter.pem trust-unpinned/
cp deep0.pem trust-deep/
pin deep0.pem "Deep 0" > trust-deep/pins.txt
# The same root with the 64 intermediates in trust/, so that a signature carrying its leaf alone reaches
# OpenSSL's path building (and its depth cap) rather than the cap on certificates in a signature.
mkdir -p trust-deep-intermediates
cp deep0.pem deep-chain.pem trust-deep/pins.txt trust-deep-intermediates/

# The return and its signatures.
printf 'format: ciodash/1\nid: quang-ngai\nname: "Quảng Ngãi"\ntopics: {}\n' > return.yaml
printf 'format: ciodash/1\nid: quang-ngai\nname: "Quảng Ngãi"\ntopics: {} # altered\n' > altered.yaml
sign() { # sign CERT KEY OUT [options]
  local cert="$1" key="$2" sig="$3"; shift 3
  openssl cms -sign -binary -in return.yaml -signer "$cert" -inkey "$key" -outform DER -out "$sig" "$@"
}
sign good-rsa.pem good-rsa.key rsa-pkcs1.p7s -certfile inter.pem
sign good-rsa.pem good-rsa.key rsa-pss.p7s -keyopt rsa_padding_mode:pss -certfile inter.pem
sign good-ec.pem good-ec.key ec.p7s
openssl cms -sign -binary -in return.yaml -signer good-ec.pem -inkey good-ec.key -outform PEM -out ec-pem.p7s
sign good-rsa.pem good-rsa.key sha1.p7s -md sha1
sign expired.pem expired.key expired.p7s
sign revoked.pem revoked.key revoked.p7s
sign weak.pem weak.key weak.p7s
sign sha1cert.pem sha1cert.key sha1cert.p7s
sign other.pem other.key other-org.p7s
sign evil.pem evil.key evil.p7s
sign stranger.pem stranger.key stranger.p7s
sign loopleaf.pem loopleaf.key loop.p7s -certfile loop-chain.pem
sign deepleaf.pem deepleaf.key deep.p7s -certfile deep-chain.pem
sign deepleaf.pem deepleaf.key deep-leaf-only.p7s
sign good-ec.pem good-ec.key embedded.p7s -nodetach
# No signed attributes: the signature covers the content's digest directly.
sign good-ec.pem good-ec.key noattr.p7s -noattr

# RFC 3161 timestamp tokens over a signature's value (the last OCTET STRING of a .p7s without unsigned
# attributes), as a TSA returns them: the tests put them into the signature's unsigned attributes.
echo 01 > tsa-serial
stamp() { # stamp SIGNATURE TOKEN [TSA-CERT TSA-KEY CHAIN]
  openssl asn1parse -inform DER -in "$1" | tail -1 | sed 's/.*\[HEX DUMP\]://' | xxd -r -p > "$1.value"
  openssl ts -query -data "$1.value" -sha256 -cert -out "$1.tsq"
  openssl ts -reply -config tsa.cnf -section tsa_test -queryfile "$1.tsq" -signer "${3:-tsa.pem}" -inkey "${4:-tsa.key}" \
    -chain "${5:-inter.pem}" -token_out -out "$2" 2>/dev/null
}
stamp ec.p7s ec.tst
stamp rsa-pkcs1.p7s rsa-pkcs1.tst
stamp noattr.p7s noattr.tst
ec stranger-tsa.key
issue strangerca stranger-root.pem stranger-root.key stranger-tsa.key "/CN=Stranger TSA" stranger-tsa.pem tsa_leaf
stamp ec.p7s ec-stranger.tst stranger-tsa.pem stranger-tsa.key stranger-root.pem
