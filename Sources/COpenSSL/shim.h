// Debian's libssl-dev (OpenSSL 3), for verifying detached CMS signatures of returned forms.
// OpenSSL's stack accessors and a few flags are macros Swift cannot import: small inline
// functions give them a type.
#ifndef CIODASH_COPENSSL_SHIM_H
#define CIODASH_COPENSSL_SHIM_H
#include <openssl/bio.h>
// pem.h before cms.h: cms.h declares PEM_read_bio_CMS only when pem.h is already in.
#include <openssl/pem.h>
#include <openssl/bn.h>
#include <openssl/cms.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/ts.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

static inline int ciodash_sk_X509_num(const STACK_OF(X509) *s) { return sk_X509_num(s); }
static inline X509 *ciodash_sk_X509_value(const STACK_OF(X509) *s, int i) { return sk_X509_value(s, i); }
static inline STACK_OF(X509) *ciodash_sk_X509_new(void) { return sk_X509_new_null(); }
static inline int ciodash_sk_X509_push(STACK_OF(X509) *s, X509 *x) { return sk_X509_push(s, x); }
/// Frees the stack and drops one reference of each certificate in it.
static inline void ciodash_sk_X509_pop_free(STACK_OF(X509) *s) { sk_X509_pop_free(s, X509_free); }
/// Frees the stack only (the certificates are owned elsewhere).
static inline void ciodash_sk_X509_free(STACK_OF(X509) *s) { sk_X509_free(s); }
static inline int ciodash_sk_CMS_SignerInfo_num(STACK_OF(CMS_SignerInfo) *s) { return sk_CMS_SignerInfo_num(s); }
static inline CMS_SignerInfo *ciodash_sk_CMS_SignerInfo_value(STACK_OF(CMS_SignerInfo) *s, int i) {
    return sk_CMS_SignerInfo_value(s, i);
}
static inline void ciodash_openssl_free(void *p) { OPENSSL_free(p); }
static inline void *ciodash_openssl_malloc(size_t n) { return OPENSSL_malloc(n); }
/// The DER of an ASN1_TYPE holding a SEQUENCE (a timestamp token in an attribute), else NULL.
static inline const ASN1_STRING *ciodash_asn1_type_sequence(const ASN1_TYPE *t) {
    return t != NULL && t->type == V_ASN1_SEQUENCE ? t->value.sequence : NULL;
}
/// RFC 2253 order and escapes, but UTF-8 left as UTF-8 (control characters still escaped).
static inline unsigned long ciodash_name_flags(void) {
    return (XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
}
static inline long ciodash_BIO_mem_data(BIO *b, char **p) { return BIO_get_mem_data(b, p); }
#endif
