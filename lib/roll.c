/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Voters: eligibility and registration (RULES.md §4.1–4.3), the roll, its
 * publication (§4.4), proxies (§4.5) and check-in (§4.6). Pure: no I/O. */
#include "config.h"

#include <string.h>

#include "roll-private.h"
#include "rules-private.h"
#include "reason-private.h"
#include "i18n-private.h"

/* Citations that are not profile parameters. */
#define CITE_GB11643 "GB 11643-1999 公民身份号码"

/* ---- voters ----------------------------------------------------------------------------- */

ElectVoter *
elect_voter_new (const char *name, const char *id_number)
{
  ElectVoter *v;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (id_number != NULL, NULL);

  v = g_new0 (ElectVoter, 1);
  g_atomic_ref_count_init (&v->ref);
  v->name = g_strdup (name);
  v->id_number = g_strdup (id_number);
  v->group = g_strdup ("");
  v->can_exercise = TRUE;
  g_date_clear (&v->resident_since, 1);
  g_date_clear (&v->works_since, 1);
  g_date_clear (&v->deprived_until, 1);
  return v;
}

ElectVoter *
elect_voter_ref (ElectVoter *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
elect_voter_unref (ElectVoter *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  g_free (self->name);
  g_free (self->id_number);
  g_free (self->group);
  g_free (self);
}

const char *
elect_voter_get_name (const ElectVoter *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

const char *
elect_voter_get_id_number (const ElectVoter *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id_number;
}

void
elect_voter_set_group (ElectVoter *self, const char *group)
{
  g_return_if_fail (self != NULL);
  g_free (self->group);
  self->group = g_strdup (group ? group : "");
}

const char *
elect_voter_get_group (const ElectVoter *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->group;
}

void
elect_voter_set_row (ElectVoter *self, guint row)
{
  g_return_if_fail (self != NULL);
  self->row = row;
}

guint
elect_voter_get_row (const ElectVoter *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->row;
}

#define BOOL_SETTER(field) \
  void elect_voter_set_##field (ElectVoter *self, gboolean value) \
  { \
    g_return_if_fail (self != NULL); \
    self->field = !!value; \
  }

BOOL_SETTER (hukou_here)
BOOL_SETTER (resides_here)
BOOL_SETTER (wants_to_vote)
BOOL_SETTER (approved)
BOOL_SETTER (home_certificate)
BOOL_SETTER (written_proxy)
BOOL_SETTER (can_exercise)
BOOL_SETTER (registered_elsewhere)

static void
set_opt_date (GDate *dst, const GDate *src)
{
  if (src != NULL && g_date_valid (src))
    *dst = *src;
  else
    g_date_clear (dst, 1);
}

void
elect_voter_set_resident_since (ElectVoter *self, const GDate *since)
{
  g_return_if_fail (self != NULL);
  set_opt_date (&self->resident_since, since);
}

void
elect_voter_set_works_since (ElectVoter *self, const GDate *since)
{
  g_return_if_fail (self != NULL);
  set_opt_date (&self->works_since, since);
}

void
elect_voter_set_extra_category (ElectVoter *self, ElectCategory category)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (category == ELECT_CATEGORY_NONE
                    || (category >= ELECT_CATEGORY_SPOUSE_RESIDENCE
                        && category <= ELECT_CATEGORY_TALENT));
  self->extra_category = category;
}

void
elect_voter_set_deprived (ElectVoter *self, gboolean deprived, const GDate *until)
{
  g_return_if_fail (self != NULL);
  self->deprived = !!deprived;
  set_opt_date (&self->deprived_until, deprived ? until : NULL);
}

void
elect_voter_set_party_status (ElectVoter *self, ElectPartyStatus status)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (status <= ELECT_PARTY_STATUS_DETAINED);
  self->party_status = status;
}

void
elect_voter_set_exclusion (ElectVoter *self, ElectExclusion exclusion, gboolean approved)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (exclusion <= ELECT_EXCLUSION_WORKING_AWAY);
  self->exclusion = exclusion;
  self->exclusion_approved = exclusion != ELECT_EXCLUSION_NONE && approved;
}

/* ---- eligibility ---------------------------------------------------------------------- */

ElectEligibility *
elect_eligibility_ref (ElectEligibility *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
elect_eligibility_unref (ElectEligibility *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  g_ptr_array_unref (self->reasons);
  g_free (self);
}

ElectVerdict
elect_eligibility_get_verdict (const ElectEligibility *self)
{
  g_return_val_if_fail (self != NULL, ELECT_VERDICT_NOT_ELIGIBLE);
  return self->verdict;
}

ElectCategory
elect_eligibility_get_category (const ElectEligibility *self)
{
  g_return_val_if_fail (self != NULL, ELECT_CATEGORY_NONE);
  return self->category;
}

gboolean
elect_eligibility_is_entitled (const ElectEligibility *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->entitled;
}

ElectSex
elect_eligibility_get_sex (const ElectEligibility *self)
{
  g_return_val_if_fail (self != NULL, ELECT_SEX_UNKNOWN);
  return self->sex;
}

gboolean
elect_eligibility_get_birth_date (const ElectEligibility *self, GDate *out_date)
{
  g_return_val_if_fail (self != NULL && out_date != NULL, FALSE);
  if (!self->id_valid)
    return FALSE;
  *out_date = self->birth_date;
  return TRUE;
}

guint
elect_eligibility_get_n_reasons (const ElectEligibility *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->reasons->len;
}

const ElectReason *
elect_eligibility_get_reason (const ElectEligibility *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->reasons->len, NULL);
  return g_ptr_array_index (self->reasons, index);
}

gboolean
elect_eligibility_has_reason (const ElectEligibility *self, const char *code)
{
  g_return_val_if_fail (self != NULL && code != NULL, FALSE);
  for (guint i = 0; i < self->reasons->len; i++)
    if (strcmp (elect_reason_get_code (g_ptr_array_index (self->reasons, i)), code) == 0)
      return TRUE;
  return FALSE;
}

static void
iso (const GDate *d, char buf[16])
{
  g_date_strftime (buf, 16, "%Y-%m-%d", d);
}

/* The citation of a parameter, or of a fallback parameter when the
 * profile gives none (a rule absent from the profile, such as an extra
 * category of another province, is explained by the general rule). */
static const char *
cite_or (const ElectRules *rules, ElectParamId id, ElectParamId fallback)
{
  const char *c = elect_rules_p_citation (rules, id);
  return c && *c ? c : elect_rules_p_citation (rules, fallback);
}

#define ADD(code, param, ...) \
  g_ptr_array_add (e->reasons, \
                   elect_reason_new_printf (code, cite_or (rules, param, ELECT_P_ELECTORATE_MODES), \
                                            elect_rules_p_key (param), __VA_ARGS__))

static const char *const exclusion_names[] = {
  NULL, N_("too ill to express their will"), N_("abroad privately for 6 months or more"),
  N_("serving a sentence"), N_("bedridden"),
  N_("working away for 6 months or more, membership not transferred"),
};

static const char *
exclusion_code (ElectExclusion x)
{
  static const char *const codes[] = { NULL, "exclusion-ill", "exclusion-abroad",
    "exclusion-serving-sentence", "exclusion-bedridden", "exclusion-working-away" };
  return codes[x];
}

static void
judge_party (const ElectVoter *v, const ElectRules *rules, ElectEligibility *e)
{
  const ElectParamId P = ELECT_P_ELECTORATE_MODES;

  switch (v->party_status)
    {
    case ELECT_PARTY_STATUS_FULL:
      break;
    case ELECT_PARTY_STATUS_PROBATIONARY:
      ADD ("party-probationary", P, N_("Probationary Party member: no vote"));
      break;
    case ELECT_PARTY_STATUS_SUSPENDED:
      ADD ("party-suspended", P, N_("Party member under probation within the Party (留党察看): no vote during the period"));
      break;
    case ELECT_PARTY_STATUS_DETAINED:
      ADD ("party-detained", P, N_("Party member detained or arrested: rights suspended"));
      break;
    case ELECT_PARTY_STATUS_NONE:
    default:
      ADD ("not-party-member", P, N_("Not a Party member"));
      break;
    }
  if (e->reasons->len > 0 || e->verdict == ELECT_VERDICT_NOT_ELIGIBLE)
    {
      e->verdict = ELECT_VERDICT_NOT_ELIGIBLE;
      return;
    }
  e->verdict = ELECT_VERDICT_REGISTERED;
  ADD ("party-full-member", P, N_("Full Party member: votes and stands"));
  e->entitled = TRUE;
  if (v->exclusion != ELECT_EXCLUSION_NONE)
    {
      if (v->exclusion_approved)
        {
#define EXCL_FMT N_("Not counted among the members entitled to attend (应到会), with approval: %s")
          g_autofree char *en = g_strdup_printf (EXCL_FMT, exclusion_names[v->exclusion]);
          g_autofree char *zh = NULL;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
          zh = g_strdup_printf (elect_tr ("zh", EXCL_FMT),
                                elect_tr ("zh", exclusion_names[v->exclusion]));
#pragma GCC diagnostic pop
          e->entitled = FALSE;
          g_ptr_array_add (e->reasons,
                           elect_reason_new (exclusion_code (v->exclusion),
                                             elect_rules_p_citation (rules, P), en, zh));
        }
      else
        ADD ("exclusion-not-approved", P,
             N_("Exclusion from the members entitled to attend not approved by the higher organisation: still counted"));
    }
}

ElectEligibility *
elect_voter_judge (const ElectVoter *v, const ElectRules *rules, const GDate *E)
{
  ElectEligibility *e;
  char buf[16], buf2[16];
  ElectKind kind;
  gboolean party;

  g_return_val_if_fail (v != NULL, NULL);
  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (E != NULL && g_date_valid (E), NULL);

  e = g_new0 (ElectEligibility, 1);
  g_atomic_ref_count_init (&e->ref);
  e->reasons = g_ptr_array_new_with_free_func ((GDestroyNotify) elect_reason_unref);
  e->verdict = ELECT_VERDICT_REGISTERED;
  g_date_clear (&e->birth_date, 1);

  kind = elect_rules_get_kind (rules);
  party = (elect_rules_p_bits (rules, ELECT_P_ELECTORATE_MODES) & (1u << 4)) != 0
          || kind == ELECT_KIND_PARTY_COMMITTEE;

  /* The ID number (RULES.md §1.5). */
  {
    e->id_valid = elect_id_number_parse (v->id_number, -1, E, NULL, &e->birth_date,
                                         &e->sex, NULL);
    if (!e->id_valid)
      {
        g_autofree char *en = elect_id_number_problem (v->id_number, E, "en");
        g_autofree char *zh = elect_id_number_problem (v->id_number, E, "zh");
        g_ptr_array_add (e->reasons, elect_reason_new ("bad-id", CITE_GB11643, en, zh));
        e->verdict = ELECT_VERDICT_NOT_ELIGIBLE;
        e->sex = ELECT_SEX_UNKNOWN;
      }
  }

  /* §4.1: age on E. */
  if (e->id_valid && elect_rules_p_is_set (rules, ELECT_P_ELECTORATE_MIN_AGE))
    {
      gint64 min_age = elect_rules_p_int (rules, ELECT_P_ELECTORATE_MIN_AGE);
      GDate of_age;
      if (elect_anniversary (&e->birth_date, (guint) min_age, &of_age)
          && g_date_compare (&of_age, E) > 0)
        {
          iso (E, buf);
          iso (&of_age, buf2);
          ADD ("under-18", ELECT_P_ELECTORATE_MIN_AGE,
               N_("Under %d on election day %s (reaches that age on %s)"),
               (int) min_age, buf, buf2);
          e->verdict = ELECT_VERDICT_NOT_ELIGIBLE;
        }
    }

  /* §4.1: political rights, with the period of deprivation. */
  {
    ElectParamId P = elect_rules_p_is_set (rules, ELECT_P_ELECTORATE_MIN_AGE)
                     ? ELECT_P_ELECTORATE_MIN_AGE : ELECT_P_ELECTORATE_MODES;
    if (v->deprived)
      {
        if (g_date_valid (&v->deprived_until) && g_date_compare (&v->deprived_until, E) < 0)
          {
            iso (&v->deprived_until, buf);
            ADD ("political-rights-restored", P,
                 N_("Deprivation of political rights ended on %s, before election day"), buf);
          }
        else if (g_date_valid (&v->deprived_until))
          {
            iso (&v->deprived_until, buf);
            ADD ("deprived-political-rights", P,
                 N_("Deprived of political rights until %s"), buf);
            e->verdict = ELECT_VERDICT_NOT_ELIGIBLE;
          }
        else
          {
            ADD ("deprived-political-rights", P,
                 N_("Deprived of political rights, without an end date"));
            e->verdict = ELECT_VERDICT_NOT_ELIGIBLE;
          }
      }
  }

  /* §4.1: the EC's confirmation of incapacity, where the profile has it. */
  if (!v->can_exercise)
    {
      if (elect_rules_p_int (rules, ELECT_P_ELECTORATE_INCAPACITY_CONFIRMATION))
        {
          ADD ("cannot-exercise", ELECT_P_ELECTORATE_INCAPACITY_CONFIRMATION,
               N_("Confirmed by the election committee as unable to exercise the right to vote"));
          e->verdict = ELECT_VERDICT_NOT_ELIGIBLE;
        }
      else
        ADD ("cannot-exercise-not-applicable", ELECT_P_ELECTORATE_INCAPACITY_CONFIRMATION,
             N_("Recorded as unable to exercise the right, but this profile has no such confirmation: ignored"));
    }

  /* §4.3: Party rolls. */
  if (party)
    {
      judge_party (v, rules, e);
      if (e->verdict != ELECT_VERDICT_REGISTERED)
        {
          e->category = ELECT_CATEGORY_NONE;
          e->entitled = FALSE;
        }
      return e;
    }

  if (e->verdict == ELECT_VERDICT_NOT_ELIGIBLE)
    return e;

  /* §4.2: registration (VCL 13 and provinces). */
  {
    const ElectParamId M = ELECT_P_ELECTORATE_MODES;
    gboolean residents = kind == ELECT_KIND_RESIDENTS_COMMITTEE;
    guint64 extras = elect_rules_p_bits (rules, ELECT_P_ELECTORATE_EXTRA_CATEGORIES);
    guint failures = 0;

    if (v->registered_elsewhere)
      {
        ADD ("registered-elsewhere", M,
             N_("Already registered to vote in another place: may not register here"));
        e->verdict = ELECT_VERDICT_NOT_REGISTERED;
        return e;
      }

    if (v->hukou_here && v->resides_here)
      {
        e->category = ELECT_CATEGORY_HUKOU_RESIDENT;
        ADD ("category-1", M, N_("Category 1: hukou here and lives here"));
      }
    else if (v->hukou_here)
      {
        gboolean by_proxy = elect_rules_p_int (rules, ELECT_P_ELECTORATE_PROXY_IS_INTENT)
                            && v->written_proxy;
        if (v->wants_to_vote)
          {
            e->category = ELECT_CATEGORY_HUKOU_AWAY;
            ADD ("category-2", M,
                 N_("Category 2: hukou here, lives elsewhere, has said they will take part"));
          }
        else if (by_proxy)
          {
            e->category = ELECT_CATEGORY_HUKOU_AWAY;
            ADD ("category-2", ELECT_P_ELECTORATE_PROXY_IS_INTENT,
                 N_("Category 2: hukou here, lives elsewhere, has given a written proxy"));
          }
        else
          {
            ADD ("no-intent", M,
                 N_("Hukou here but lives elsewhere and has not said they will take part"));
            failures++;
          }
      }
    else if (residents)
      {
        if (v->resides_here)
          {
            e->category = ELECT_CATEGORY_HUKOU_RESIDENT;
            ADD ("category-1", M, N_("Category 1: a resident of the area"));
          }
        else
          {
            ADD ("not-resident", M, N_("Not a resident of the area"));
            failures++;
          }
      }
    else if (v->extra_category != ELECT_CATEGORY_NONE)
      {
        guint bit = v->extra_category - ELECT_CATEGORY_SPOUSE_RESIDENCE;
        static const char *const codes[] = { "category-spouse-residence",
          "category-collective-member", "category-ex-agricultural-hukou", "category-talent" };
        static const char *const msgs[] = {
          N_("Category 4: lives in the spouse's village after marriage, applied, confirmed"),
          N_("Category 5: former villager with rights in the collective economy, applied, confirmed"),
          N_("Category 6: formerly agricultural hukou of this village, lives or works here, admitted by the assembly"),
          N_("Category 7: a qualified person who came to work and live here, admitted by the assembly"),
        };
        const ElectParamId X = ELECT_P_ELECTORATE_EXTRA_CATEGORIES;
        if (!(extras & (G_GUINT64_CONSTANT (1) << bit)))
          {
            ADD ("extra-category-not-in-profile", X,
                 N_("The category %s does not exist in this profile"),
                 elect_extra_category_choices[bit]);
            failures++;
          }
        else
          {
            gboolean needs_application = v->extra_category == ELECT_CATEGORY_SPOUSE_RESIDENCE
                                         || v->extra_category == ELECT_CATEGORY_COLLECTIVE_MEMBER
                                         || v->extra_category == ELECT_CATEGORY_TALENT;
            if (needs_application && !v->wants_to_vote)
              {
                ADD ("no-application", X, N_("Did not apply personally to take part"));
                failures++;
              }
            if (!v->approved)
              {
                ADD ("no-assembly-consent", X,
                     N_("Not admitted by the villagers' assembly or representatives' assembly (or the election committee)"));
                failures++;
              }
            if (failures == 0)
              {
                e->category = v->extra_category;
                g_ptr_array_add (e->reasons,
                                 elect_reason_new (codes[bit], cite_or (rules, X, ELECT_P_ELECTORATE_MODES),
                                                   msgs[bit], elect_tr ("zh", msgs[bit])));
              }
          }
      }
    else
      {
        /* Category 3: residence (or work) for the profile's years. */
        const ElectParamId R = ELECT_P_ELECTORATE_RESIDENCE_YEARS;
        gint64 years = elect_rules_p_is_set (rules, R) ? elect_rules_p_int (rules, R) : 0;
        gint64 work = elect_rules_p_is_set (rules, ELECT_P_ELECTORATE_WORK_COUNTS)
                      ? elect_rules_p_int (rules, ELECT_P_ELECTORATE_WORK_COUNTS) : 0;
        gboolean long_enough = FALSE;
        GDate need;

        if (v->resides_here && g_date_valid (&v->resident_since)
            && elect_anniversary (&v->resident_since, (guint) years, &need)
            && g_date_compare (&need, E) <= 0)
          long_enough = TRUE;
        if (!long_enough && work != 0 && g_date_valid (&v->works_since)
            && elect_anniversary (&v->works_since, (guint) years, &need)
            && g_date_compare (&need, E) <= 0)
          {
            long_enough = TRUE;
            ADD ("work-counts", ELECT_P_ELECTORATE_WORK_COUNTS,
                 N_("Work in the village for %d year(s) counts as residence"), (int) years);
          }
        if (!long_enough)
          {
            if (!v->resides_here && (work == 0 || !g_date_valid (&v->works_since)))
              ADD ("not-resident", R, N_("Hukou elsewhere and does not live here"));
            else if (g_date_valid (&v->resident_since)
                     || (work != 0 && g_date_valid (&v->works_since)))
              {
                const GDate *since = g_date_valid (&v->resident_since) ? &v->resident_since
                                                                       : &v->works_since;
                GDate when;
                iso (since, buf);
                if (elect_anniversary (since, (guint) years, &when))
                  iso (&when, buf2);
                else
                  g_strlcpy (buf2, "-", sizeof buf2);
                ADD ("residence-under-1-year", R,
                     N_("Lived or worked here since %s: less than %d year(s) on election day (reached on %s)"),
                     buf, (int) years, buf2);
              }
            else
              ADD ("no-residence-date", R,
                   N_("Hukou elsewhere and no date since which the person lives here"));
            failures++;
          }
        if (!v->wants_to_vote)
          {
            ADD ("no-application", R, N_("Did not apply personally to take part"));
            failures++;
          }
        if (!v->approved)
          {
            ADD ("no-assembly-consent", R,
                 N_("Not admitted by the villagers' assembly or representatives' assembly"));
            failures++;
          }
        if (elect_rules_p_int (rules, ELECT_P_ELECTORATE_HOME_CERTIFICATE) && !v->home_certificate)
          {
            ADD ("no-home-certificate", ELECT_P_ELECTORATE_HOME_CERTIFICATE,
                 N_("No certificate from the hukou village that the person does not register there"));
            failures++;
          }
        if (failures == 0)
          {
            e->category = ELECT_CATEGORY_NON_HUKOU_RESIDENT;
            ADD ("category-3", R,
                 N_("Category 3: hukou elsewhere, lived here for %d year(s), applied, admitted by the assembly"),
                 (int) years);
          }
      }

    if (e->category == ELECT_CATEGORY_NONE)
      e->verdict = ELECT_VERDICT_NOT_REGISTERED;
    else
      e->entitled = TRUE;
  }
  return e;
}

#undef ADD

/* ---- the roll ----------------------------------------------------------------------------- */

static void
proxy_free (ElectProxyRec *p)
{
  g_free (p->principal_id);
  g_free (p->proxy_id);
  g_free (p->relation);
  g_ptr_array_unref (p->reasons);
  g_free (p);
}

static void
desk_free (ElectDeskRec *d)
{
  g_free (d->name);
  g_free (d);
}

ElectRoll *
elect_roll_new (ElectRules *rules, const GDate *election_day)
{
  ElectRoll *r;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (election_day != NULL && g_date_valid (election_day), NULL);

  r = g_new0 (ElectRoll, 1);
  g_atomic_ref_count_init (&r->ref);
  r->rules = elect_rules_ref (rules);
  r->day = *election_day;
  r->voters = g_ptr_array_new_with_free_func ((GDestroyNotify) elect_voter_unref);
  r->verdicts = g_ptr_array_new_with_free_func ((GDestroyNotify) elect_eligibility_unref);
  r->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->proxies = g_ptr_array_new_with_free_func ((GDestroyNotify) proxy_free);
  r->candidates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r->desks = g_ptr_array_new_with_free_func ((GDestroyNotify) desk_free);
  r->checked_in = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return r;
}

ElectRoll *
elect_roll_ref (ElectRoll *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
elect_roll_unref (ElectRoll *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref))
    return;
  elect_rules_unref (self->rules);
  g_ptr_array_unref (self->voters);
  g_ptr_array_unref (self->verdicts);
  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->proxies);
  g_hash_table_unref (self->candidates);
  g_ptr_array_unref (self->desks);
  g_hash_table_unref (self->checked_in);
  g_free (self);
}

ElectRules *
elect_roll_get_rules (const ElectRoll *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->rules;
}

void
elect_roll_get_election_day (const ElectRoll *self, GDate *out_date)
{
  g_return_if_fail (self != NULL && out_date != NULL);
  *out_date = self->day;
}

/* The canonical form of an ID number for lookups: upper-case X. */
char *
elect_roll_id_key (const char *id)
{
  char *k = g_strdup (id);
  gsize n = strlen (k);
  if (n > 0 && k[n - 1] == 'x')
    k[n - 1] = 'X';
  return k;
}

gint
elect_roll_add (ElectRoll *self, ElectVoter *voter, GError **error)
{
  ElectEligibility *e;
  guint index;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (voter != NULL, -1);

  e = elect_voter_judge (voter, self->rules, &self->day);
  if (e->id_valid)
    {
      g_autofree char *key = elect_roll_id_key (voter->id_number);
      gpointer prev;
      if (g_hash_table_lookup_extended (self->by_id, key, NULL, &prev))
        {
          ElectVoter *pv = g_ptr_array_index (self->voters, GPOINTER_TO_UINT (prev));
          if (pv->row > 0)
            g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                         _("ID number %s is already on the roll (line %u)"), key, pv->row);
          else
            g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                         _("ID number %s is already on the roll"), key);
          elect_eligibility_unref (e);
          return -1;
        }
      g_hash_table_insert (self->by_id, g_steal_pointer (&key),
                           GUINT_TO_POINTER (self->voters->len));
    }
  index = self->voters->len;
  g_ptr_array_add (self->voters, elect_voter_ref (voter));
  g_ptr_array_add (self->verdicts, e);
  return (gint) index;
}

guint
elect_roll_get_n_voters (const ElectRoll *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->voters->len;
}

ElectVoter *
elect_roll_get_voter (const ElectRoll *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->voters->len, NULL);
  return g_ptr_array_index (self->voters, index);
}

const ElectEligibility *
elect_roll_get_eligibility (const ElectRoll *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->verdicts->len, NULL);
  return g_ptr_array_index (self->verdicts, index);
}

gint
elect_roll_find (const ElectRoll *self, const char *id_number)
{
  g_autofree char *key = NULL;
  gpointer v;

  g_return_val_if_fail (self != NULL && id_number != NULL, -1);
  key = elect_roll_id_key (id_number);
  if (!g_hash_table_lookup_extended (self->by_id, key, NULL, &v))
    return -1;
  return (gint) GPOINTER_TO_UINT (v);
}

guint
elect_roll_count (const ElectRoll *self, ElectVerdict verdict)
{
  guint n = 0;
  g_return_val_if_fail (self != NULL, 0);
  for (guint i = 0; i < self->verdicts->len; i++)
    if (((ElectEligibility *) g_ptr_array_index (self->verdicts, i))->verdict == verdict)
      n++;
  return n;
}

guint
elect_roll_count_entitled (const ElectRoll *self)
{
  guint n = 0;
  g_return_val_if_fail (self != NULL, 0);
  for (guint i = 0; i < self->verdicts->len; i++)
    if (((ElectEligibility *) g_ptr_array_index (self->verdicts, i))->entitled)
      n++;
  return n;
}

/* ---- publication (§4.4) ------------------------------------------------------------- */

void
elect_roll_set_name_order (ElectRoll *self, ElectVoterCompareFunc func, gpointer user_data)
{
  g_return_if_fail (self != NULL);
  self->order = func;
  self->order_data = user_data;
}

static int
default_name_order (const ElectVoter *a, const ElectVoter *b, gpointer data)
{
  g_autofree char *na = elect_name_normalize (a->name, -1);
  g_autofree char *nb = elect_name_normalize (b->name, -1);
  return g_strcmp0 (na, nb);
}

static int
stroke_order (const ElectVoter *a, const ElectVoter *b, gpointer data)
{
  /* Names were checked by elect_roll_use_stroke_order(): no error here. */
  return elect_collate_compare (a->name, b->name, (ElectCollation) GPOINTER_TO_INT (data), NULL);
}

gboolean
elect_roll_use_stroke_order (ElectRoll *self, GError **error)
{
  g_autoptr (GPtrArray) names = NULL;
  g_autofree gsize *order = NULL;
  gsize bad = 0;
  ElectCollation collation;

  g_return_val_if_fail (self != NULL, FALSE);

  collation = elect_collation_for_rules (self->rules);
  names = g_ptr_array_new ();
  for (guint i = 0; i < self->voters->len; i++)
    if (((ElectEligibility *) g_ptr_array_index (self->verdicts, i))->verdict
        == ELECT_VERDICT_REGISTERED)
      g_ptr_array_add (names, ((ElectVoter *) g_ptr_array_index (self->voters, i))->name);
  order = g_new (gsize, MAX (names->len, 1));
  if (!elect_collate_order ((const char *const *) names->pdata, names->len, collation, order,
                            &bad, error))
    return FALSE;
  elect_roll_set_name_order (self, stroke_order, GINT_TO_POINTER (collation));
  return TRUE;
}

static int
digit_value (gunichar c)
{
  switch (c)
    {
    case 0x96F6: case 0x3007: return 0;   /* 零 〇 */
    case 0x4E00: return 1;                /* 一 */
    case 0x4E8C: case 0x4E24: return 2;   /* 二 两 */
    case 0x4E09: return 3;                /* 三 */
    case 0x56DB: return 4;                /* 四 */
    case 0x4E94: return 5;                /* 五 */
    case 0x516D: return 6;                /* 六 */
    case 0x4E03: return 7;                /* 七 */
    case 0x516B: return 8;                /* 八 */
    case 0x4E5D: return 9;                /* 九 */
    default: return -1;
    }
}

static int
unit_value (gunichar c)
{
  switch (c)
    {
    case 0x5341: return 10;     /* 十 */
    case 0x767E: return 100;    /* 百 */
    case 0x5343: return 1000;   /* 千 */
    default: return 0;
    }
}

gboolean
elect_group_number (const char *name, guint64 *out)
{
  const char *p = name;
  guint64 total = 0;
  gint64 digit = -1;
  gboolean any = FALSE;

  g_return_val_if_fail (name != NULL && out != NULL, FALSE);
  if (!g_utf8_validate (name, -1, NULL))
    return FALSE;
  if (g_str_has_prefix (p, "第"))
    p += strlen ("第");
  if (*p >= '0' && *p <= '9')
    {
      for (; *p >= '0' && *p <= '9'; p++)
        {
          if (total > G_GUINT64_CONSTANT (1000000000))
            return FALSE;
          total = total * 10 + (guint64) (*p - '0');
        }
      *out = total;
      return TRUE;
    }
  for (; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int d = digit_value (c), u = unit_value (c);
      if (d >= 0)
        digit = d;
      else if (u > 0)
        {
          /* 十二 is 12: a unit without a digit before it counts one. */
          total += (guint64) (digit < 0 ? 1 : digit) * (guint64) u;
          digit = -1;
        }
      else
        break;
      any = TRUE;
    }
  if (!any)
    return FALSE;
  *out = total + (guint64) (digit < 0 ? 0 : digit);
  return TRUE;
}

int
elect_group_compare (const char *a, const char *b)
{
  guint64 na, nb;
  gboolean ha = elect_group_number (a, &na), hb = elect_group_number (b, &nb);
  if (ha && hb && na != nb)
    return na < nb ? -1 : 1;
  if (ha != hb)
    return ha ? -1 : 1;
  return strcmp (a, b);
}

typedef struct {
  const ElectRoll *roll;
} SortCtx;

static gint
publish_cmp (gconstpointer pa, gconstpointer pb, gpointer data)
{
  const ElectRoll *roll = ((SortCtx *) data)->roll;
  guint ia = *(const guint *) pa, ib = *(const guint *) pb;
  const ElectVoter *a = g_ptr_array_index (roll->voters, ia);
  const ElectVoter *b = g_ptr_array_index (roll->voters, ib);
  /* roll.order: "strokes" (index 1) orders the whole village by name. */
  int c = elect_rules_p_int (roll->rules, ELECT_P_ROLL_ORDER) == 1 ? 0
          : elect_group_compare (a->group, b->group);
  if (c != 0)
    return c;
  c = roll->order ? roll->order (a, b, roll->order_data) : default_name_order (a, b, NULL);
  if (c != 0)
    return c;
  return ia < ib ? -1 : ia > ib;
}

void
elect_csv_append_field (GString *out, const char *s)
{
  if (strpbrk (s, ",\"\r\n") == NULL)
    {
      g_string_append (out, s);
      return;
    }
  g_string_append_c (out, '"');
  for (; *s; s++)
    {
      if (*s == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *s);
    }
  g_string_append_c (out, '"');
}

char *
elect_roll_to_public_csv (const ElectRoll *self, gboolean bom)
{
  g_autoptr (GArray) idx = NULL;
  GString *out;
  SortCtx ctx = { self };

  g_return_val_if_fail (self != NULL, NULL);

  idx = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < self->voters->len; i++)
    if (((ElectEligibility *) g_ptr_array_index (self->verdicts, i))->verdict
        == ELECT_VERDICT_REGISTERED)
      g_array_append_val (idx, i);
  g_array_sort_with_data (idx, publish_cmp, &ctx);

  out = g_string_new (bom ? "\xEF\xBB\xBF" : "");
  g_string_append (out, "group,name,sex,id_masked\r\n");
  for (guint k = 0; k < idx->len; k++)
    {
      guint i = g_array_index (idx, guint, k);
      const ElectVoter *v = g_ptr_array_index (self->voters, i);
      const ElectEligibility *e = g_ptr_array_index (self->verdicts, i);
      g_autofree char *masked = elect_id_number_mask (v->id_number);
      elect_csv_append_field (out, v->group);
      g_string_append_c (out, ',');
      elect_csv_append_field (out, v->name);
      g_string_append_c (out, ',');
      g_string_append (out, e->sex == ELECT_SEX_MALE ? "male"
                            : e->sex == ELECT_SEX_FEMALE ? "female" : "");
      g_string_append_c (out, ',');
      elect_csv_append_field (out, masked);
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

static gboolean
days_param (const ElectRules *rules, ElectParamId id, gint64 *out, GError **error)
{
  if (!elect_rules_p_is_set (rules, id))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_UNSET,
                   _("The profile has no value for %s"), elect_rules_p_key (id));
      return FALSE;
    }
  *out = elect_rules_p_int (rules, id);
  return TRUE;
}

gboolean
elect_roll_objection_window (const ElectRules *rules, const GDate *published,
                             GDate *out_first, GDate *out_last, GError **error)
{
  gint64 n;

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (published != NULL && g_date_valid (published), FALSE);
  g_return_val_if_fail (out_first != NULL && out_last != NULL, FALSE);

  if (!days_param (rules, ELECT_P_ROLL_OBJECTION_DAYS, &n, error))
    return FALSE;
  /* RULES.md §1.6 (CC 201): the start day is not counted: P+1 … P+N. */
  *out_first = *published;
  g_date_add_days (out_first, 1);
  *out_last = *published;
  g_date_add_days (out_last, (guint) n);
  return TRUE;
}

gboolean
elect_roll_decision_deadline (const ElectRules *rules, const GDate *received,
                              GDate *out_last, GError **error)
{
  gint64 n;

  g_return_val_if_fail (rules != NULL, FALSE);
  g_return_val_if_fail (received != NULL && g_date_valid (received), FALSE);
  g_return_val_if_fail (out_last != NULL, FALSE);

  if (!days_param (rules, ELECT_P_ROLL_DECISION_DAYS, &n, error))
    return FALSE;
  *out_last = *received;
  g_date_add_days (out_last, (guint) n);
  return TRUE;
}

ElectReason *
elect_roll_check_publication (const ElectRules *rules, const GDate *published,
                              const GDate *election_day)
{
  const ElectParamId P = ELECT_P_ROLL_PUBLISH_DAYS_BEFORE;
  GDate latest;
  char b1[16], b2[16];
  gint64 n;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (published != NULL && g_date_valid (published), NULL);
  g_return_val_if_fail (election_day != NULL && g_date_valid (election_day), NULL);

  if (!elect_rules_p_is_set (rules, P))
    return elect_reason_new_printf ("roll-publication-not-required", "", elect_rules_p_key (P),
                                    N_("The profile sets no publication deadline for the roll"));
  n = elect_rules_p_int (rules, P);
  latest = *election_day;
  g_date_subtract_days (&latest, (guint) n);
  iso (published, b1);
  iso (&latest, b2);
  /* RULES.md §1.6: "选举日的N日前" is satisfied by d <= E - N. */
  if (g_date_compare (published, &latest) <= 0)
    return elect_reason_new_printf ("roll-published-in-time", elect_rules_p_citation (rules, P),
                                    elect_rules_p_key (P),
                                    N_("Roll published on %s, by the deadline %s"), b1, b2);
  return elect_reason_new_printf ("roll-published-late", elect_rules_p_citation (rules, P),
                                  elect_rules_p_key (P),
                                  N_("Roll published on %s, after the deadline %s"), b1, b2);
}

ElectReason *
elect_roll_check_proxy_list (const ElectRules *rules, const GDate *published,
                             const GDate *election_day)
{
  const ElectParamId P = ELECT_P_PROXY_LIST_DAYS_BEFORE;
  GDate latest;
  char b1[16], b2[16];

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (published != NULL && g_date_valid (published), NULL);
  g_return_val_if_fail (election_day != NULL && g_date_valid (election_day), NULL);

  if (!elect_rules_p_is_set (rules, P))
    return elect_reason_new_printf ("proxy-list-not-required", "", elect_rules_p_key (P),
                                    N_("The profile sets no publication deadline for the list of proxies"));
  latest = *election_day;
  g_date_subtract_days (&latest, (guint) elect_rules_p_int (rules, P));
  iso (published, b1);
  iso (&latest, b2);
  if (g_date_compare (published, &latest) <= 0)
    return elect_reason_new_printf ("proxy-list-published-in-time", elect_rules_p_citation (rules, P),
                                    elect_rules_p_key (P),
                                    N_("List of proxies published on %s, by the deadline %s"), b1, b2);
  return elect_reason_new_printf ("proxy-list-published-late", elect_rules_p_citation (rules, P),
                                  elect_rules_p_key (P),
                                  N_("List of proxies published on %s, after the deadline %s"), b1, b2);
}

/* ---- proxies (§4.5) ------------------------------------------------------------------ */

guint
elect_roll_add_proxy (ElectRoll *self, const char *principal_id, const char *proxy_id,
                      const char *relation, gboolean written, gboolean principal_away,
                      const GDate *filed)
{
  ElectProxyRec *p;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (principal_id != NULL && proxy_id != NULL && relation != NULL, 0);

  p = g_new0 (ElectProxyRec, 1);
  p->principal_id = elect_roll_id_key (principal_id);
  p->proxy_id = elect_roll_id_key (proxy_id);
  p->relation = g_strdup (relation);
  p->written = !!written;
  p->away = !!principal_away;
  set_opt_date (&p->filed, filed);
  p->reasons = g_ptr_array_new_with_free_func ((GDestroyNotify) elect_reason_unref);
  g_ptr_array_add (self->proxies, p);
  self->proxies_validated = FALSE;
  return self->proxies->len - 1;
}

void
elect_roll_add_candidate (ElectRoll *self, const char *id_number)
{
  g_return_if_fail (self != NULL && id_number != NULL);
  g_hash_table_add (self->candidates, elect_roll_id_key (id_number));
}

static gboolean
is_registered (const ElectRoll *self, const char *id)
{
  gint i = elect_roll_find (self, id);
  return i >= 0
         && ((ElectEligibility *) g_ptr_array_index (self->verdicts, i))->verdict
              == ELECT_VERDICT_REGISTERED;
}

guint
elect_roll_validate_proxies (ElectRoll *self)
{
  const ElectRules *rules;
  g_autoptr (GHashTable) held = NULL;      /* proxy id -> valid principals so far */
  g_autoptr (GHashTable) principals = NULL; /* principal ids (any authorisation) */
  g_autoptr (GHashTable) seen_principal = NULL;
  guint valid = 0;
  char b1[16], b2[16];

  g_return_val_if_fail (self != NULL, 0);
  rules = self->rules;

  held = g_hash_table_new (g_str_hash, g_str_equal);
  principals = g_hash_table_new (g_str_hash, g_str_equal);
  seen_principal = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->proxies->len; i++)
    {
      ElectProxyRec *p = g_ptr_array_index (self->proxies, i);
      g_hash_table_add (principals, p->principal_id);
    }

#define PADD(code, param, ...) \
  g_ptr_array_add (p->reasons, \
                   elect_reason_new_printf (code, cite_or (rules, param, ELECT_P_PROXY_ALLOWED), \
                                            elect_rules_p_key (param), __VA_ARGS__))

  for (guint i = 0; i < self->proxies->len; i++)
    {
      ElectProxyRec *p = g_ptr_array_index (self->proxies, i);
      guint before = 0;
      gint rel;

      g_ptr_array_set_size (p->reasons, 0);
      p->valid = FALSE;

      if (!elect_rules_p_int (rules, ELECT_P_PROXY_ALLOWED))
        {
          PADD ("proxy-not-allowed", ELECT_P_PROXY_ALLOWED,
                N_("Proxy voting is not allowed in this election"));
          continue;
        }
      if (!is_registered (self, p->principal_id))
        PADD ("proxy-principal-not-registered", ELECT_P_PROXY_ALLOWED,
              N_("The principal is not a registered voter of this roll"));
      if (!p->away)
        PADD ("proxy-principal-not-away", ELECT_P_PROXY_ALLOWED,
              N_("The principal is not away during voting"));
      if (!is_registered (self, p->proxy_id))
        PADD ("proxy-not-registered", ELECT_P_PROXY_ALLOWED,
              N_("The proxy is not a registered voter of this roll"));
      if (strcmp (p->principal_id, p->proxy_id) == 0)
        PADD ("proxy-self", ELECT_P_PROXY_ALLOWED, N_("A voter cannot be their own proxy"));
      rel = -1;
      for (guint c = 0; elect_relation_choices[c]; c++)
        if (strcmp (elect_relation_choices[c], p->relation) == 0)
          rel = (gint) c;
      if (rel < 0 || !(elect_rules_p_bits (rules, ELECT_P_PROXY_RELATIONS) & (1u << rel)))
        PADD ("proxy-not-near-relative", ELECT_P_PROXY_RELATIONS,
              N_("The relation '%s' is not one the profile allows for a proxy"), p->relation);
      if (!p->written)
        PADD ("proxy-not-written", ELECT_P_PROXY_ALLOWED,
              N_("The authorisation is not in writing"));
      if (!elect_rules_p_int (rules, ELECT_P_PROXY_CANDIDATE_MAY_BE_PROXY)
          && g_hash_table_contains (self->candidates, p->proxy_id))
        PADD ("proxy-is-candidate", ELECT_P_PROXY_CANDIDATE_MAY_BE_PROXY,
              N_("The proxy is a candidate and may not act as a proxy"));
      if (g_hash_table_contains (principals, p->proxy_id))
        PADD ("proxy-sub-delegation", ELECT_P_PROXY_ALLOWED,
              N_("The proxy has given their own vote to a proxy: no sub-delegation"));
      if (g_hash_table_contains (seen_principal, p->principal_id))
        PADD ("proxy-principal-twice", ELECT_P_PROXY_ALLOWED,
              N_("The principal has already authorised another proxy"));
      if (!g_date_valid (&p->filed))
        PADD ("proxy-no-filing-date", ELECT_P_PROXY_FILED_DAYS_BEFORE,
              N_("The authorisation has no filing date"));
      else
        {
          if (elect_rules_p_is_set (rules, ELECT_P_PROXY_FILED_DAYS_BEFORE))
            {
              GDate latest = self->day;
              g_date_subtract_days (&latest, (guint) elect_rules_p_int (rules, ELECT_P_PROXY_FILED_DAYS_BEFORE));
              if (g_date_compare (&p->filed, &latest) > 0)
                {
                  iso (&p->filed, b1);
                  iso (&latest, b2);
                  PADD ("proxy-filed-late", ELECT_P_PROXY_FILED_DAYS_BEFORE,
                        N_("Filed on %s, after the deadline %s"), b1, b2);
                }
            }
          if (!elect_rules_p_int (rules, ELECT_P_PROXY_ON_ELECTION_DAY)
              && g_date_compare (&p->filed, &self->day) >= 0)
            PADD ("proxy-on-election-day", ELECT_P_PROXY_ON_ELECTION_DAY,
                  N_("Proxies may not be given on election day"));
          else if (g_date_compare (&p->filed, &self->day) > 0)
            {
              iso (&p->filed, b1);
              PADD ("proxy-filed-after-election", ELECT_P_PROXY_ALLOWED,
                    N_("Filed on %s, after election day"), b1);
            }
        }
      g_hash_table_add (seen_principal, p->principal_id);

      if (p->reasons->len == 0 && elect_rules_p_is_set (rules, ELECT_P_PROXY_MAX_PRINCIPALS))
        {
          gint64 max = elect_rules_p_int (rules, ELECT_P_PROXY_MAX_PRINCIPALS);
          before = GPOINTER_TO_UINT (g_hash_table_lookup (held, p->proxy_id));
          if ((gint64) before >= max)
            PADD ("proxy-too-many", ELECT_P_PROXY_MAX_PRINCIPALS,
                  N_("The proxy already holds %u authorisation(s), the most allowed is %d"),
                  before, (int) max);
        }
      if (p->reasons->len == 0)
        {
          before = GPOINTER_TO_UINT (g_hash_table_lookup (held, p->proxy_id));
          g_hash_table_insert (held, p->proxy_id, GUINT_TO_POINTER (before + 1));
          p->valid = TRUE;
          valid++;
          PADD ("proxy-valid", ELECT_P_PROXY_RELATIONS,
                N_("Valid authorisation (%s)"), p->relation);
        }
    }
#undef PADD
  self->proxies_validated = TRUE;
  return valid;
}

guint
elect_roll_get_n_proxies (const ElectRoll *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->proxies->len;
}

gboolean
elect_roll_proxy_is_valid (const ElectRoll *self, guint index)
{
  g_return_val_if_fail (self != NULL && index < self->proxies->len, FALSE);
  return ((ElectProxyRec *) g_ptr_array_index (self->proxies, index))->valid;
}

GPtrArray *
elect_roll_proxy_get_reasons (const ElectRoll *self, guint index)
{
  g_return_val_if_fail (self != NULL && index < self->proxies->len, NULL);
  return ((ElectProxyRec *) g_ptr_array_index (self->proxies, index))->reasons;
}

guint
elect_roll_proxy_count_principals (const ElectRoll *self, const char *proxy_id)
{
  g_autofree char *key = NULL;
  guint n = 0;

  g_return_val_if_fail (self != NULL && proxy_id != NULL, 0);
  key = elect_roll_id_key (proxy_id);
  for (guint i = 0; i < self->proxies->len; i++)
    {
      ElectProxyRec *p = g_ptr_array_index (self->proxies, i);
      if (p->valid && strcmp (p->proxy_id, key) == 0)
        n++;
    }
  return n;
}

static const char *
name_of (const ElectRoll *self, const char *id)
{
  gint i = elect_roll_find (self, id);
  return i >= 0 ? ((ElectVoter *) g_ptr_array_index (self->voters, i))->name : "";
}

char *
elect_roll_proxies_to_public_csv (const ElectRoll *self, gboolean bom)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (bom ? "\xEF\xBB\xBF" : "");
  g_string_append (out, "principal,principal_id_masked,proxy,proxy_id_masked,relation\r\n");
  for (guint i = 0; i < self->proxies->len; i++)
    {
      ElectProxyRec *p = g_ptr_array_index (self->proxies, i);
      g_autofree char *m1 = NULL;
      g_autofree char *m2 = NULL;
      if (!p->valid)
        continue;
      m1 = elect_id_number_mask (p->principal_id);
      m2 = elect_id_number_mask (p->proxy_id);
      elect_csv_append_field (out, name_of (self, p->principal_id));
      g_string_append_c (out, ',');
      elect_csv_append_field (out, m1);
      g_string_append_c (out, ',');
      elect_csv_append_field (out, name_of (self, p->proxy_id));
      g_string_append_c (out, ',');
      elect_csv_append_field (out, m2);
      g_string_append_c (out, ',');
      elect_csv_append_field (out, p->relation);
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

/* ---- check-in (§4.6) ------------------------------------------------------------------ */

guint
elect_roll_add_desk (ElectRoll *self, ElectDeskKind kind, const char *name)
{
  ElectDeskRec *d;

  g_return_val_if_fail (self != NULL && name != NULL, 0);
  g_return_val_if_fail (kind == ELECT_DESK_MAIN_HALL || kind == ELECT_DESK_MOBILE_BOX, 0);

  d = g_new0 (ElectDeskRec, 1);
  d->kind = kind;
  d->name = g_strdup (name);
  g_ptr_array_add (self->desks, d);
  return self->desks->len - 1;
}

guint
elect_roll_check_in (ElectRoll *self, guint desk, const char *id_number, GError **error)
{
  g_autofree char *key = NULL;
  ElectDeskRec *d;
  guint principals = 0;
  gint i;

  g_return_val_if_fail (self != NULL && id_number != NULL, 0);
  g_return_val_if_fail (desk < self->desks->len, 0);

  d = g_ptr_array_index (self->desks, desk);
  key = elect_roll_id_key (id_number);
  i = elect_roll_find (self, key);
  if (i < 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_NOT_FOUND,
                   _("%s is not on the roll"), key);
      return 0;
    }
  if (((ElectEligibility *) g_ptr_array_index (self->verdicts, i))->verdict
      != ELECT_VERDICT_REGISTERED)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("%s is not a registered voter"), key);
      return 0;
    }
  if (g_hash_table_contains (self->checked_in, key))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("%s has already received a ballot"), key);
      return 0;
    }
  if (self->proxies->len > 0 && !self->proxies_validated)
    {
      /* Before validation no proxy is known to be valid: a principal could
       * collect a ballot and the holder another for them. */
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("Proxies were added but not validated: validate them before check-in"));
      return 0;
    }
  g_autoptr (GPtrArray) represented = g_ptr_array_new ();
  for (guint k = 0; k < self->proxies->len; k++)
    {
      ElectProxyRec *p = g_ptr_array_index (self->proxies, k);
      if (!p->valid)
        continue;
      if (strcmp (p->principal_id, key) == 0)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%s has authorised a proxy: the ballot goes to the proxy"), key);
          return 0;
        }
      /* A principal is represented once: never a second ballot for a
       * principal already checked in (RULES.md §4.6). */
      if (strcmp (p->proxy_id, key) == 0
          && !g_hash_table_contains (self->checked_in, p->principal_id))
        g_ptr_array_add (represented, p->principal_id);
    }
  principals = represented->len;
  for (guint k = 0; k < represented->len; k++)
    g_hash_table_add (self->checked_in, g_strdup (g_ptr_array_index (represented, k)));
  g_hash_table_add (self->checked_in, g_steal_pointer (&key));
  d->issued += 1 + principals;
  d->proxy_issued += principals;
  return 1 + principals;
}

guint
elect_roll_get_n_desks (const ElectRoll *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->desks->len;
}

gint64
elect_roll_get_desk_issued (const ElectRoll *self, guint desk)
{
  g_return_val_if_fail (self != NULL && desk < self->desks->len, 0);
  return ((ElectDeskRec *) g_ptr_array_index (self->desks, desk))->issued;
}

gint64
elect_roll_get_proxy_issued (const ElectRoll *self)
{
  gint64 n = 0;
  g_return_val_if_fail (self != NULL, 0);
  for (guint i = 0; i < self->desks->len; i++)
    n += ((ElectDeskRec *) g_ptr_array_index (self->desks, i))->proxy_issued;
  return n;
}

gint64
elect_roll_get_ballots_issued (const ElectRoll *self)
{
  gint64 n = 0;
  g_return_val_if_fail (self != NULL, 0);
  for (guint i = 0; i < self->desks->len; i++)
    n += ((ElectDeskRec *) g_ptr_array_index (self->desks, i))->issued;
  return n;
}
