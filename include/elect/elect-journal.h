/* SPDX-License-Identifier: LGPL-2.1-or-later */
/**
 * @file elect-journal.h
 * @brief ::ElectJournal, the crash-safe, tamper-evident journal of the
 * ballots or tally sheets entered at a counting desk, and double entry
 * (::ElectEntryDiff).
 *
 * Do not include this header directly: include `<elect/elect.h>`.
 */
#pragma once

#if !defined(ELECT_INSIDE) && !defined(ELECT_COMPILATION)
#error "Only <elect/elect.h> can be included directly."
#endif

#include <elect/elect-macros.h>
#include <elect/elect-ballot.h>
#include <elect/elect-tally.h>

G_BEGIN_DECLS

/** @defgroup journal Ballot-entry journal and double entry
 *
 * When the ballots of a box, or the totals of a tally sheet (计票单), are
 * entered one by one at a counting desk, each entry is appended to a
 * **journal** file before it is acknowledged. The format is
 * `libelect.journal/1` (see @ref formats_journal): length-prefixed records,
 * each with a SHA-256 checksum that also chains it to the record before, so
 * that
 *
 * - an entry acknowledged by elect_journal_append_ballot() (or, in batch
 *   mode, by elect_journal_sync()) is on disk and survives a crash of the
 *   program or of the machine (fsync);
 * - reopening after a crash recovers every acknowledged entry; a torn last
 *   record (the write the crash interrupted) is dropped and reported
 *   (elect_journal_get_recovery()); elect_journal_open() keeps the dropped
 *   bytes in `PATH.dropped-OFFSET` before it cuts them off;
 * - a journal whose records were changed, removed or reordered anywhere but
 *   at the very end is refused with an error naming the record; the end is
 *   vouched for by the head digest (elect_journal_get_head()), which a
 *   desk writes on its minutes or signs.
 *
 * **Secret ballot.** The journal holds ballots (the marks of one paper, as
 * an #ElectBallot carries them) and tally-sheet totals, and nothing else:
 * there is no field for a voter, no time stamp per record, and the
 * exported election file lists the ballots sorted, not in entry order.
 *
 * **Double entry.** A batch (a box of ballots, or one tally sheet) may be
 * entered twice, by two people, as the ::ELECT_ENTRY_FIRST and
 * ::ELECT_ENTRY_SECOND entries of the batch. elect_journal_accept_batch()
 * compares them field by field and lists every difference with its place
 * (::ElectEntryDiff); only when they agree is the batch accepted, and only
 * accepted batches (and single entries) are counted. An entry found wrong
 * is discarded with elect_journal_discard_entry() and entered again.
 * elect_entry_compare_ballots() and elect_entry_compare_sheets() compare
 * entries held in memory the same way.
 *
 * A journal holds either ballots or tally sheets, not both, and counts at
 * most one tally sheet. It is bound to one ballot paper (its digest,
 * elect_audit_digest_paper(), is in the first record). elect_journal_export()
 * turns the counted entries into an election file (FORMATS.md §1) that
 * elect_election_read_file() and `elect-count` read.
 *
 * Errors: ELECT_ERROR_IO (the file cannot be read, written or synced; it
 * is locked by another program), ELECT_ERROR_NOT_FOUND (no such file),
 * ELECT_ERROR_PARSE (not a journal; a record is damaged or the chain is
 * broken), ELECT_ERROR_INVALID (the journal was made for another paper; an
 * entry that the journal's state does not allow), ELECT_ERROR_LIMIT (an
 * entry larger than elect_journal_max_payload()).
 *
 * Threads: a journal must be used by one thread at a time. One program at
 * a time may open a journal for writing (an advisory lock, flock(2)).
 *  @{
 */

/** @brief An open journal file (not shared: release with elect_journal_free()). */
typedef struct _ElectJournal ElectJournal;

/** @brief The differences between two entries of the same batch. */
typedef struct _ElectEntryDiff ElectEntryDiff;

/**
 * @brief Which entry of a batch a record belongs to.
 */
typedef enum {
  /** Entered once and counted at once. */
  ELECT_ENTRY_SINGLE = 0,
  /** The first of two entries of a batch (counted once the batch is
   *  accepted). */
  ELECT_ENTRY_FIRST = 1,
  /** The second of two entries of a batch, by another person. */
  ELECT_ENTRY_SECOND = 2,
} ElectEntry;

/**
 * @brief When the journal forces its records to disk (fsync).
 */
typedef enum {
  /** After every record: an append returns when the entry is on disk
   *  (the default). */
  ELECT_JOURNAL_SYNC_ENTRY = 1,
  /** Only in elect_journal_sync() (and when a batch is accepted or an
   *  entry discarded): appends are faster, and an entry is acknowledged
   *  when the next sync returns. */
  ELECT_JOURNAL_SYNC_BATCH = 2,
} ElectJournalSync;

/**
 * @brief The largest payload of one record, in bytes (1 MiB).
 * @return the limit.
 * @since 0.1
 */
ELECT_API gsize elect_journal_max_payload (void);

/**
 * @brief Creates a new journal for a paper. The file appears complete or
 * not at all (written aside, synced, then linked into place).
 * @param path the journal's path; it must not exist
 * @param paper the paper of the ballots to be entered (it is frozen)
 * @param label (nullable): a label for the counting desk or station
 * (`"城关镇第3计票站"`), UTF-8 without control characters, at most 256
 * bytes; never a voter's name
 * @param error (out) (optional): ELECT_ERROR_IO (the file exists, cannot
 * be written or synced), ELECT_ERROR_INVALID (a bad label)
 * @return the journal, open for appending (transfer full), or NULL.
 * @since 0.1
 */
ELECT_API ElectJournal *elect_journal_create (const char *path, ElectPaper *paper,
                                              const char *label, GError **error);

/**
 * @brief Opens a journal for appending: reads and checks every record,
 * recovers from a crash (a torn last record is removed from the file, and
 * reported by elect_journal_get_recovery()), and locks the file.
 * @param path the journal's path
 * @param paper the paper the journal was made for (its digest must match)
 * @param error (out) (optional): see the group description
 * @return the journal (transfer full), or NULL.
 * @since 0.1
 */
ELECT_API ElectJournal *elect_journal_open (const char *path, ElectPaper *paper,
                                            GError **error);

/**
 * @brief Opens a journal to read and verify it, without changing the file
 * (a torn last record is reported, not removed). Appends fail.
 * @param path the journal's path
 * @param paper (nullable): the paper the journal was made for, or NULL to
 * check the records and the chain only (elect_journal_export() then fails)
 * @param error (out) (optional): see the group description
 * @return the journal (transfer full), or NULL.
 * @since 0.1
 */
ELECT_API ElectJournal *elect_journal_open_read_only (const char *path,
                                                      ElectPaper *paper,
                                                      GError **error);

/**
 * @brief Reads a journal from memory (read-only), as
 * elect_journal_open_read_only() does from a file.
 * @param data the bytes of a journal file
 * @param length the number of bytes
 * @param origin (nullable): the name used in messages (`"<memory>"` if NULL)
 * @param paper (nullable): the paper, or NULL
 * @param error (out) (optional): see the group description
 * @return the journal (transfer full), or NULL.
 * @since 0.1
 */
ELECT_API ElectJournal *elect_journal_read_data (const void *data, gsize length,
                                                 const char *origin,
                                                 ElectPaper *paper,
                                                 GError **error);

/**
 * @brief Closes the journal (without a final sync: in batch mode, call
 * elect_journal_sync() first). NULL-safe.
 * @param self (nullable): a journal
 * @since 0.1
 */
ELECT_API void elect_journal_free (ElectJournal *self);

/**
 * @brief Chooses when records are forced to disk.
 * @param self a journal
 * @param mode the mode (the default is ::ELECT_JOURNAL_SYNC_ENTRY)
 * @since 0.1
 */
ELECT_API void elect_journal_set_sync (ElectJournal *self, ElectJournalSync mode);

/**
 * @brief The sync mode.
 * @param self a journal
 * @return the mode.
 * @since 0.1
 */
ELECT_API ElectJournalSync elect_journal_get_sync (const ElectJournal *self);

/**
 * @brief Appends a ballot. In ::ELECT_JOURNAL_SYNC_ENTRY mode the ballot is
 * on disk when this returns TRUE (acknowledged).
 * @param self a journal open for appending, of ballots (or still empty)
 * @param entry ::ELECT_ENTRY_SINGLE (counted at once) or the first or
 * second entry of @p batch
 * @param batch the batch (a box, a stack of ballots), any number the desk
 * chooses; recorded with single entries too
 * @param ballot a ballot of the journal's paper (not changed)
 * @param error (out) (optional): ELECT_ERROR_INVALID (a ballot of another
 * paper; a written-in name that is not valid UTF-8; two names on one Party
 * line; a journal of tally sheets; a batch already accepted; a read-only
 * journal), ELECT_ERROR_LIMIT (too large), ELECT_ERROR_IO (the write or the
 * sync failed: nothing was appended)
 * @return TRUE when appended.
 * @since 0.1
 */
ELECT_API gboolean elect_journal_append_ballot (ElectJournal *self, ElectEntry entry,
                                                guint32 batch,
                                                const ElectBallot *ballot,
                                                GError **error);

/**
 * @brief Appends the totals of a tally sheet (elect_tally_set_sheet()).
 * @param self a journal open for appending, of tally sheets (or still empty)
 * @param entry ::ELECT_ENTRY_SINGLE or the first or second entry of @p batch
 * @param batch the batch
 * @param sheet a tally sheet of the journal's paper
 * @param error (out) (optional): as elect_journal_append_ballot(), and
 * ELECT_ERROR_INVALID when a single sheet is counted already or the entry
 * has a sheet already
 * @return TRUE when appended.
 * @since 0.1
 */
ELECT_API gboolean elect_journal_append_sheet (ElectJournal *self, ElectEntry entry,
                                               guint32 batch,
                                               const ElectTally *sheet,
                                               GError **error);

/**
 * @brief Forces every record to disk (fdatasync): in
 * ::ELECT_JOURNAL_SYNC_BATCH mode, the entries appended so far are
 * acknowledged when this returns TRUE.
 * @param self a journal
 * @param error (out) (optional): ELECT_ERROR_IO
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_journal_sync (ElectJournal *self, GError **error);

/**
 * @brief Compares the two entries of a batch field by field.
 * @param self a journal
 * @param batch the batch
 * @param error (out) (optional): ELECT_ERROR_INVALID (the batch lacks its
 * first or second entry)
 * @return the differences (transfer full; empty when the entries agree),
 * or NULL: free with elect_entry_diff_free().
 * @since 0.1
 */
ELECT_API ElectEntryDiff *elect_journal_compare_batch (const ElectJournal *self,
                                                       guint32 batch,
                                                       GError **error);

/**
 * @brief Compares the two entries of a batch and, when they agree, accepts
 * it: an acceptance record is appended and synced, and the batch's ballots
 * (or its sheet) count from then on. When they differ nothing is written.
 * @param self a journal open for appending
 * @param batch the batch
 * @param error (out) (optional): ELECT_ERROR_INVALID (an entry is missing,
 * the batch was accepted already, a second counted tally sheet),
 * ELECT_ERROR_IO
 * @return the differences (transfer full): empty when the batch was
 * accepted; or NULL on error.
 * @since 0.1
 */
ELECT_API ElectEntryDiff *elect_journal_accept_batch (ElectJournal *self,
                                                      guint32 batch,
                                                      GError **error);

/**
 * @brief Discards one entry of a batch that is not accepted (the records
 * stay in the file, marked void by a discard record), so that it can be
 * entered again.
 * @param self a journal open for appending
 * @param batch the batch
 * @param entry ::ELECT_ENTRY_FIRST or ::ELECT_ENTRY_SECOND
 * @param error (out) (optional): ELECT_ERROR_INVALID (the batch was
 * accepted, the entry is empty), ELECT_ERROR_IO
 * @return TRUE on success.
 * @since 0.1
 */
ELECT_API gboolean elect_journal_discard_entry (ElectJournal *self, guint32 batch,
                                                ElectEntry entry, GError **error);

/**
 * @brief The number of records, the first (the journal's header) included.
 * @param self a journal
 * @return the count.
 * @since 0.1
 */
ELECT_API guint elect_journal_get_n_records (const ElectJournal *self);

/**
 * @brief The number of counted ballots (single entries and accepted
 * batches), or of counted tally sheets (0 or 1).
 * @param self a journal
 * @return the count.
 * @since 0.1
 */
ELECT_API guint elect_journal_get_n_counted (const ElectJournal *self);

/**
 * @brief Whether the journal holds tally sheets (FALSE: ballots, or
 * nothing yet).
 * @param self a journal
 * @return TRUE for a journal of tally sheets.
 * @since 0.1
 */
ELECT_API gboolean elect_journal_holds_sheets (const ElectJournal *self);

/**
 * @brief The number of batches with an entry that are not accepted yet
 * (their entries are not counted).
 * @param self a journal
 * @return the count.
 * @since 0.1
 */
ELECT_API guint elect_journal_get_n_pending (const ElectJournal *self);

/**
 * @brief A batch that is not accepted yet, in the order of first entry.
 * @param self a journal
 * @param index an index below elect_journal_get_n_pending()
 * @return the batch number.
 * @since 0.1
 */
ELECT_API guint32 elect_journal_get_pending (const ElectJournal *self, guint index);

/**
 * @brief The head digest: the checksum of the last record,
 * `"sha256:"` and 64 hexadecimal digits. It vouches for the whole journal
 * (every record is chained into it): write it on the minutes, or compare it
 * with elect-verify's `--head`.
 * @param self a journal
 * @return the digest (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_journal_get_head (const ElectJournal *self);

/**
 * @brief The digest of the paper the journal was made for
 * (elect_audit_digest_paper()).
 * @param self a journal
 * @return the digest (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_journal_get_paper_digest (const ElectJournal *self);

/**
 * @brief The journal's label (elect_journal_create()).
 * @param self a journal
 * @return the label, or NULL (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_journal_get_label (const ElectJournal *self);

/**
 * @brief What opening the journal recovered from: the record dropped at the
 * end (a torn write) and why, as a message in the process locale.
 * @param self a journal
 * @return the message, or NULL when the journal ended cleanly (transfer
 * none).
 * @since 0.1
 */
ELECT_API const char *elect_journal_get_recovery (const ElectJournal *self);

/**
 * @brief The number of bytes of a torn last record dropped on opening.
 * @param self a journal
 * @return the count (0 when the journal ended cleanly).
 * @since 0.1
 */
ELECT_API gint64 elect_journal_get_dropped_bytes (const ElectJournal *self);

/**
 * @brief Makes the election file (FORMATS.md §1) of the counted entries:
 * the members of a template election file (profile, turnout, contests, …)
 * with the counted ballots, sorted so that their order tells nothing about
 * the order of entry, or the counted sheet's `totals`. The text is read
 * back with the election reader before it is returned.
 * @param self a journal opened with its paper
 * @param template_path an election file of the same paper with
 * `"ballots": []` (its profile path, if any, is resolved against its
 * directory)
 * @param error (out) (optional): ELECT_ERROR_INVALID (another paper, a
 * template with ballots or totals, a journal opened without a paper, no
 * counted sheet in a journal of sheets), the errors of
 * elect_election_read_file()
 * @return the election file's text (transfer full): free with g_free().
 * @since 0.1
 */
ELECT_API char *elect_journal_export (const ElectJournal *self,
                                      const char *template_path,
                                      GError **error);

/**
 * @brief Compares two entries of a batch of ballots, ballot by ballot and
 * contest by contest (a ballot's marks and write-ins as a set: the order in
 * which names were typed does not matter).
 * @param first the ballots of the first entry, @p n_first of them
 * @param n_first their number
 * @param second the ballots of the second entry, of the same paper
 * @param n_second their number
 * @param error (out) (optional): ELECT_ERROR_INVALID (a written-in name that
 * is not valid UTF-8, two names on one Party line)
 * @return the differences (transfer full), or NULL.
 * @since 0.1
 */
ELECT_API ElectEntryDiff *elect_entry_compare_ballots (const ElectBallot *const *first,
                                                       gsize n_first,
                                                       const ElectBallot *const *second,
                                                       gsize n_second,
                                                       GError **error);

/**
 * @brief Compares two entries of a tally sheet: ballots returned and
 * invalid, and every candidate's and written-in name's votes.
 * @param first the first entry, a tally sheet
 * @param second the second entry, a tally sheet of the same paper
 * @return the differences (transfer full).
 * @since 0.1
 */
ELECT_API ElectEntryDiff *elect_entry_compare_sheets (const ElectTally *first,
                                                      const ElectTally *second);

/**
 * @brief Frees the differences. NULL-safe.
 * @param self (nullable): differences
 * @since 0.1
 */
ELECT_API void elect_entry_diff_free (ElectEntryDiff *self);

/**
 * @brief The number of differences (0: the entries agree).
 * @param self differences
 * @return the count.
 * @since 0.1
 */
ELECT_API guint elect_entry_diff_get_n_items (const ElectEntryDiff *self);

/**
 * @brief Where a difference is, as a path into the entry:
 * `ballots` (their number), `ballots[3].member` (the fourth ballot's
 * `member` contest), `ballots[3].spoiled`, `totals.ballots_returned`,
 * `totals.votes.chair.王一`.
 * @param self differences
 * @param index an index below elect_entry_diff_get_n_items()
 * @return the place (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_entry_diff_get_place (const ElectEntryDiff *self,
                                                  guint index);

/**
 * @brief The value at the place in the first entry, as JSON text.
 * @param self differences
 * @param index an index below elect_entry_diff_get_n_items()
 * @return the value, or NULL when the first entry has nothing there
 * (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_entry_diff_get_first (const ElectEntryDiff *self,
                                                  guint index);

/**
 * @brief The value at the place in the second entry, as JSON text.
 * @param self differences
 * @param index an index below elect_entry_diff_get_n_items()
 * @return the value, or NULL when the second entry has nothing there
 * (transfer none).
 * @since 0.1
 */
ELECT_API const char *elect_entry_diff_get_second (const ElectEntryDiff *self,
                                                   guint index);

/**
 * @brief The differences as text for the desk, one line each.
 * @param self differences
 * @param lang (nullable): `"zh"` or `"en"` (NULL: the process locale)
 * @return the text (transfer full): free with g_free().
 * @since 0.1
 */
ELECT_API char *elect_entry_diff_to_text (const ElectEntryDiff *self,
                                          const char *lang);

/** @} */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectJournal, elect_journal_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ElectEntryDiff, elect_entry_diff_free)

G_END_DECLS
