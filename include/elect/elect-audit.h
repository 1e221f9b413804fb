/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * @file elect-audit.h
 * @brief Canonical digests of an election's inputs and of its result;
 * Ed25519 signing keys (::ElectSigningKey, ::ElectVerifyKey), signed
 * results and signed tally sheets.
 *
 * Do not include this header directly: include `<elect/elect.h>`.
 */
#pragma once

#if !defined(ELECT_INSIDE) && !defined(ELECT_COMPILATION)
#error "Only <elect/elect.h> can be included directly."
#endif

#include <elect/elect-macros.h>
#include <elect/elect-ballot.h>
#include <elect/elect-election.h>

G_BEGIN_DECLS

/** @defgroup audit Digests and signatures
 *
 * **Digests.** elect_audit_digest_election() is the SHA-256 of a canonical
 * JSON text of everything a count depends on: the resolved profile (every
 * parameter's value), the turnout, the paper (contests, seats, candidates)
 * and the tally (ballots returned, valid and invalid, every candidate's
 * votes, write-ins, abstentions, defects), or the totals of a tally sheet,
 * and the counting options. Anyone who counts the same ballots, in any
 * order, gets the same digest, and can compare it with the one a station
 * published. elect_audit_digest_result() is the SHA-256 of the canonical
 * text of a result file (FORMATS.md §2) without its `audit` member.
 * Digests are written `sha256:` and 64 lower-case hexadecimal digits.
 *
 * **Signatures.** A counting station holds an Ed25519 signing key
 * (libsodium); the township holds the stations' verify keys.
 * elect_audit_sign_result() adds the station's signature to a result file
 * (the `audit` member, an extension of FORMATS.md §2 documented in
 * @ref formats_journal); elect_audit_sign_election() signs the inputs of an
 * election file, for instance a tally sheet (计票单), in a detached
 * signature file. Several keys may sign one document (the counting
 * station's chair, then its supervisor). A signed document is written in a
 * fixed layout, and elect_audit_verify_result() and
 * elect_audit_verify_election() check it byte for byte: any change to a
 * signed file, even of a space, is detected.
 *
 * **Keys** are small text files (@ref formats_journal). A secret key is
 * kept in memory locked against swapping and wiped when freed; it is never
 * printed, logged or put in an error message; a secret key file readable by
 * other users is refused. Keep the secret key on the station's computer or
 * a removable medium: its custody is the users' part (see the threat
 * model, @ref threat_model).
 *
 * Errors: ELECT_ERROR_NOT_FOUND / ELECT_ERROR_IO (files),
 * ELECT_ERROR_PARSE (a malformed key file, signature or result),
 * ELECT_ERROR_INVALID (a digest or signature that does not verify, a key
 * not among the trusted ones, a changed layout, a bad label),
 * ELECT_ERROR_UNKNOWN_KEY (an unknown field in a key file),
 * ELECT_ERROR_LIMIT (a document too large or too deeply nested).
 *
 * Threads: keys are immutable once made and may be shared between
 * threads; the functions have no shared state.
 *  @{
 */

/** @brief An Ed25519 secret (signing) key with its label; release with
 * elect_signing_key_free(), which wipes it. */
typedef struct _ElectSigningKey ElectSigningKey;

/** @brief An Ed25519 public (verify) key with its label. */
typedef struct _ElectVerifyKey ElectVerifyKey;

/**
 * @brief The canonical digest of an election's inputs: profile, turnout,
 * paper, tally (or tally sheet) and counting options.
 * @param election an election
 * @return `"sha256:…"` (transfer full): free with g_free().
 * @since 0.1
 */
ELECT_API char *elect_audit_digest_election (const ElectElection *election);

/**
 * @brief The canonical JSON text whose SHA-256 is
 * elect_audit_digest_election(), to compare two counts line by line.
 * @param election an election
 * @return the text (transfer full): free with g_free().
 * @since 0.1
 */
ELECT_API char *elect_audit_canonical_election (const ElectElection *election);

/**
 * @brief The canonical digest of a paper (contest ids, titles, seats, the
 * women's post, candidates' names and sexes), as a journal records it.
 * @param paper a paper
 * @return `"sha256:…"` (transfer full): free with g_free().
 * @since 0.1
 */
ELECT_API char *elect_audit_digest_paper (const ElectPaper *paper);

/**
 * @brief The canonical digest of a result file (`libelect.result/1`)
 * without its `audit` member: the same for the same result however the
 * file is laid out.
 * @param result_json the result's JSON text
 * @param length its length in bytes, or -1 if NUL-terminated
 * @param error (out) (optional): ELECT_ERROR_PARSE (not JSON, not a
 * result), ELECT_ERROR_LIMIT
 * @return `"sha256:…"` (transfer full), or NULL.
 * @since 0.1
 */
ELECT_API char *elect_audit_digest_result (const char *result_json, gssize length,
                                           GError **error);

/**
 * @brief Makes a new signing key from the system's random generator.
 * @param label a label for the key's holder (`"城关镇第3计票站"`): UTF-8,
 * 1 to 256 bytes, no control characters
 * @param error (out) (optional): ELECT_ERROR_INVALID (a bad label),
 * ELECT_ERROR_FAILED (libsodium could not be initialised)
 * @return the key (transfer full), or NULL.
 * @since 0.1
 */
ELECT_API ElectSigningKey *elect_signing_key_generate (const char *label,
                                                       GError **error);

/**
 * @brief Loads a secret key file. The file must not be readable or
 * writable by group or others (mode 0600 or stricter).
 * @param path the file
 * @param error (out) (optional): ELECT_ERROR_NOT_FOUND, ELECT_ERROR_IO (also
 * for a file other users can read), ELECT_ERROR_PARSE,
 * ELECT_ERROR_UNKNOWN_KEY, ELECT_ERROR_INVALID (the key id does not match
 * the key). Messages never quote the file's content.
 * @return the key (transfer full), or NULL.
 * @since 0.1
 */
ELECT_API ElectSigningKey *elect_signing_key_load (const char *path, GError **error);

/**
 * @brief Loads a secret key from memory (no permission check).
 * @param data the text of a secret key file
 * @param length its length in bytes, or -1 if NUL-terminated
 * @param origin (nullable): the name used in messages
 * @param error (out) (optional): as elect_signing_key_load()
 * @return the key (transfer full), or NULL.
 * @since 0.1
 */
ELECT_API ElectSigningKey *elect_signing_key_load_from_data (const char *data,
                                                             gssize length,
                                                             const char *origin,
                                                             GError **error);

/**
 * @brief Writes the secret key file, mode 0600, synced; the file must not
 * exist.
 * @param self a signing key
 * @param path the file
 * @param error (out) (optional): ELECT_ERROR_IO (it exists, or cannot be
 * written)
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_signing_key_save (const ElectSigningKey *self,
                                           const char *path, GError **error);

/**
 * @brief Wipes and frees a signing key. NULL-safe.
 * @param self (nullable): a signing key
 * @since 0.1
 */
ELECT_API void elect_signing_key_free (ElectSigningKey *self);

/**
 * @brief The key id: 16 hexadecimal digits, the start of the SHA-256 of
 * the public key.
 * @param self a signing key
 * @return the id (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_signing_key_get_key_id (const ElectSigningKey *self);

/**
 * @brief The label.
 * @param self a signing key
 * @return the label (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_signing_key_get_label (const ElectSigningKey *self);

/**
 * @brief The verify key of a signing key, to give to the township.
 * @param self a signing key
 * @return the verify key (transfer full): free with elect_verify_key_free().
 * @since 0.1
 */
ELECT_API ElectVerifyKey *elect_signing_key_get_verify_key (const ElectSigningKey *self);

/**
 * @brief Loads a verify (public) key file.
 * @param path the file
 * @param error (out) (optional): ELECT_ERROR_NOT_FOUND, ELECT_ERROR_IO,
 * ELECT_ERROR_PARSE, ELECT_ERROR_UNKNOWN_KEY, ELECT_ERROR_INVALID (the key
 * id does not match the key)
 * @return the key (transfer full), or NULL.
 * @since 0.1
 */
ELECT_API ElectVerifyKey *elect_verify_key_load (const char *path, GError **error);

/**
 * @brief Loads a verify key from memory.
 * @param data the text of a verify key file
 * @param length its length in bytes, or -1 if NUL-terminated
 * @param origin (nullable): the name used in messages
 * @param error (out) (optional): as elect_verify_key_load()
 * @return the key (transfer full), or NULL.
 * @since 0.1
 */
ELECT_API ElectVerifyKey *elect_verify_key_load_from_data (const char *data,
                                                           gssize length,
                                                           const char *origin,
                                                           GError **error);

/**
 * @brief The text of the verify key file.
 * @param self a verify key
 * @return the text (transfer full): free with g_free().
 * @since 0.1
 */
ELECT_API char *elect_verify_key_to_text (const ElectVerifyKey *self);

/**
 * @brief Writes the verify key file (mode 0644), synced; the file must not
 * exist.
 * @param self a verify key
 * @param path the file
 * @param error (out) (optional): ELECT_ERROR_IO
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_verify_key_save (const ElectVerifyKey *self,
                                          const char *path, GError **error);

/**
 * @brief Copies a verify key.
 * @param self a verify key
 * @return the copy (transfer full).
 * @since 0.1
 */
ELECT_API ElectVerifyKey *elect_verify_key_copy (const ElectVerifyKey *self);

/**
 * @brief Frees a verify key. NULL-safe.
 * @param self (nullable): a verify key
 * @since 0.1
 */
ELECT_API void elect_verify_key_free (ElectVerifyKey *self);

/**
 * @brief The key id (as elect_signing_key_get_key_id()).
 * @param self a verify key
 * @return the id (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_verify_key_get_key_id (const ElectVerifyKey *self);

/**
 * @brief The label.
 * @param self a verify key
 * @return the label (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_verify_key_get_label (const ElectVerifyKey *self);

/**
 * @brief Signs a result file: adds (or completes) its `audit` member with
 * the result's digest, the digest of the inputs when given, and a
 * signature by @p key, and returns the signed file in its fixed layout.
 * A result signed already gets one more signature (its digests must be
 * unchanged).
 * @param result_json the result's JSON text (`libelect.result/1`)
 * @param length its length in bytes, or -1 if NUL-terminated
 * @param inputs_digest (nullable): elect_audit_digest_election() of the
 * election the result was counted from, to bind the two
 * @param key the signing key
 * @param error (out) (optional): ELECT_ERROR_PARSE (not a result),
 * ELECT_ERROR_INVALID (a signed result that no longer verifies; another
 * inputs digest; the key signed it already), ELECT_ERROR_LIMIT
 * @return the signed result (transfer full), or NULL.
 * @since 0.1
 */
ELECT_API char *elect_audit_sign_result (const char *result_json, gssize length,
                                         const char *inputs_digest,
                                         const ElectSigningKey *key,
                                         GError **error);

/**
 * @brief Verifies a signed result: its layout is the signed layout byte for
 * byte, its digest is the digest of its content, every signature is valid
 * and, when trusted keys are given, made by one of them.
 * @param signed_json the signed result
 * @param length its length in bytes, or -1 if NUL-terminated
 * @param election (nullable): the election the result was counted from;
 * when given, the result must carry the digest of its inputs
 * @param trusted (nullable): the trusted verify keys, @p n_trusted of them;
 * with none, signatures are checked against the public keys they carry
 * (which proves integrity, not origin)
 * @param n_trusted the number of trusted keys
 * @param out_signers (out) (optional): the key ids of the valid
 * signatures, NULL-terminated (transfer full): free with g_strfreev()
 * @param error (out) (optional): ELECT_ERROR_PARSE (not a signed result),
 * ELECT_ERROR_NOT_FOUND (no `audit` member or no signature),
 * ELECT_ERROR_INVALID (the layout, a digest or a signature does not match;
 * a key is not trusted), ELECT_ERROR_LIMIT
 * @return TRUE when everything verifies.
 * @since 0.1
 */
ELECT_API gboolean elect_audit_verify_result (const char *signed_json, gssize length,
                                              const ElectElection *election,
                                              const ElectVerifyKey *const *trusted,
                                              gsize n_trusted,
                                              char ***out_signers,
                                              GError **error);

/**
 * @brief Signs the inputs of an election file (a tally sheet, or ballots)
 * in a detached signature document (`libelect.signature/1`).
 * @param election the election
 * @param signature_doc (nullable): a signature document of the same
 * election to add this signature to, or NULL for a new one
 * @param length the length of @p signature_doc in bytes, or -1 if
 * NUL-terminated
 * @param key the signing key
 * @param error (out) (optional): ELECT_ERROR_PARSE, ELECT_ERROR_INVALID (the
 * document is of other inputs or no longer verifies; the key signed it
 * already)
 * @return the signature document (transfer full), or NULL.
 * @since 0.1
 */
ELECT_API char *elect_audit_sign_election (const ElectElection *election,
                                           const char *signature_doc, gssize length,
                                           const ElectSigningKey *key,
                                           GError **error);

/**
 * @brief Verifies a detached signature document against an election.
 * @param election the election
 * @param signature_doc the signature document
 * @param length its length in bytes, or -1 if NUL-terminated
 * @param trusted (nullable): the trusted verify keys, as in
 * elect_audit_verify_result()
 * @param n_trusted the number of trusted keys
 * @param out_signers (out) (optional): the key ids of the valid signatures
 * (transfer full): free with g_strfreev()
 * @param error (out) (optional): as elect_audit_verify_result()
 * @return TRUE when everything verifies.
 * @since 0.1
 */
ELECT_API gboolean elect_audit_verify_election (const ElectElection *election,
                                                const char *signature_doc,
                                                gssize length,
                                                const ElectVerifyKey *const *trusted,
                                                gsize n_trusted,
                                                char ***out_signers,
                                                GError **error);

/** @} */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectSigningKey, elect_signing_key_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectVerifyKey, elect_verify_key_free)

G_END_DECLS
