/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Internals of voters and rolls. Never installed. */
#pragma once

#include "elect/elect.h"
#include "person-private.h"

G_BEGIN_DECLS

struct _ElectVoter {
  gatomicrefcount ref;
  char *name;
  char *id_number;
  char *group;
  guint row;
  gboolean hukou_here, resides_here, wants_to_vote, approved, home_certificate;
  gboolean written_proxy, can_exercise, registered_elsewhere, deprived;
  gboolean exclusion_approved;
  GDate resident_since, works_since, deprived_until;
  ElectCategory extra_category;
  ElectPartyStatus party_status;
  ElectExclusion exclusion;
};

struct _ElectEligibility {
  gatomicrefcount ref;
  ElectVerdict verdict;
  ElectCategory category;
  gboolean entitled;
  gboolean id_valid;
  GDate birth_date;
  ElectSex sex;
  GPtrArray *reasons;
};

typedef struct {
  char *principal_id;
  char *proxy_id;
  char *relation;
  gboolean written, away, valid;
  GDate filed;
  GPtrArray *reasons;
} ElectProxyRec;

typedef struct {
  ElectDeskKind kind;
  char *name;
  gint64 issued;
  gint64 proxy_issued;
} ElectDeskRec;

struct _ElectRoll {
  gatomicrefcount ref;
  ElectRules *rules;
  GDate day;
  GPtrArray *voters;     /* ElectVoter */
  GPtrArray *verdicts;   /* ElectEligibility, parallel */
  GHashTable *by_id;     /* canonical ID -> index */
  ElectVoterCompareFunc order;
  gpointer order_data;
  GPtrArray *proxies;    /* ElectProxyRec, in filing order */
  gboolean proxies_validated;
  GHashTable *candidates;
  GPtrArray *desks;      /* ElectDeskRec */
  GHashTable *checked_in; /* IDs only: never linked to ballots */
};

/* ID number with an upper-case X (transfer full). */
char *elect_roll_id_key (const char *id);

/* Appends one CSV field, quoted when needed (RFC 4180). */
void elect_csv_append_field (GString *out, const char *s);

G_END_DECLS
