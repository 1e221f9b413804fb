/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Committee composition (RULES.md §8): the final members of a village's
 * villagers', Party and supervision committees checked against their
 * profiles, the reports 一肩挑 / 交叉任职 / under 35 / education, and the
 * reader of the committee file (libelect.committee/1,
 * doc/formats-committee.md). */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "elect/elect.h"
#include "i18n-private.h"
#include "json-doc-private.h"
#include "reason-private.h"
#include "rules-private.h"

/* Rules that no profile parameter carries: the statute itself decides. */
#define CITE_VCL6_2 "村民委员会组织法 第六条第二款"
#define CITE_RCL7 "城市居民委员会组织法 第七条"

#define N_BODIES 3
#define N_FIGURES 4
#define N_EDUCATION 7
#define MAX_ARGS 8
#define TARGET_DEN_MAX 1000
#define COMMITTEE_MAX_INPUT (16 * 1024 * 1024)

/* Index of "vc-member" in elect_role_choices: derived from the VC posts. */
#define ROLE_VC_MEMBER 0

typedef struct {
  char *name;
  ElectSex sex;
  gboolean has_birth;
  GDate birth;
  char *ethnicity;
  ElectEducation education;
  ElectCommitteePost posts[N_BODIES];
  guint64 roles;   /* bits of elect_role_choices */
} Person;

typedef struct {
  guint a, b;
  guint rel;       /* index in elect_relation_choices: b is a's rel */
} Relation;

typedef struct {
  gint64 num, den; /* den 0: no target */
  char *source;
} Target;

struct _ElectCommittee {
  gatomicrefcount rc;
  GArray *people;      /* Person */
  GArray *relations;   /* Relation */
  GPtrArray *minorities;
  Target targets[N_FIGURES];
  gboolean has_ref;
  GDate ref;
};

typedef struct {
  ElectCompositionFinding kind;
  ElectReason *reason;
} Finding;

struct _ElectComposition {
  gatomicrefcount rc;
  GArray *findings;    /* Finding */
  GDate ref;
  gint64 size[N_BODIES];
  gboolean fig_set[N_FIGURES];
  gint64 fig_num[N_FIGURES], fig_den[N_FIGURES];
  gboolean target_set[N_FIGURES], target_met[N_FIGURES];
  gint64 education[N_EDUCATION];
  gboolean valid;
};

/* ------------------------------------------------------------ the input */

static void
person_clear (gpointer p)
{
  Person *x = p;
  g_free (x->name);
  g_free (x->ethnicity);
}

ElectCommittee *
elect_committee_new (void)
{
  ElectCommittee *self = g_new0 (ElectCommittee, 1);
  g_atomic_ref_count_init (&self->rc);
  self->people = g_array_new (FALSE, TRUE, sizeof (Person));
  g_array_set_clear_func (self->people, person_clear);
  self->relations = g_array_new (FALSE, TRUE, sizeof (Relation));
  self->minorities = g_ptr_array_new_with_free_func (g_free);
  g_date_clear (&self->ref, 1);
  return self;
}

ElectCommittee *
elect_committee_ref (ElectCommittee *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->rc);
  return self;
}

void
elect_committee_unref (ElectCommittee *self)
{
  if (!self || !g_atomic_ref_count_dec (&self->rc))
    return;
  g_array_unref (self->people);
  g_array_unref (self->relations);
  g_ptr_array_unref (self->minorities);
  for (guint i = 0; i < N_FIGURES; i++)
    g_free (self->targets[i].source);
  g_free (self);
}

static Person *
person_at (const ElectCommittee *self, guint i)
{
  return &g_array_index (self->people, Person, i);
}

int
elect_committee_add_person (ElectCommittee *self, const char *name)
{
  g_return_val_if_fail (self != NULL && name != NULL, -1);
  char *norm = elect_name_normalize (name, -1);
  if (!norm || !*norm || self->people->len >= G_MAXINT)
    {
      g_free (norm);
      return -1;
    }
  Person p = { 0 };
  p.name = norm;
  p.sex = ELECT_SEX_UNKNOWN;
  g_date_clear (&p.birth, 1);
  g_array_append_val (self->people, p);
  return (int) self->people->len - 1;
}

guint
elect_committee_get_n_people (const ElectCommittee *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->people->len;
}

const char *
elect_committee_get_name (const ElectCommittee *self, guint person)
{
  g_return_val_if_fail (self != NULL && person < self->people->len, NULL);
  return person_at (self, person)->name;
}

void
elect_committee_set_sex (ElectCommittee *self, guint person, ElectSex sex)
{
  g_return_if_fail (self != NULL && person < self->people->len);
  g_return_if_fail (elect_sex_to_string (sex) != NULL);
  person_at (self, person)->sex = sex;
}

void
elect_committee_set_birth_date (ElectCommittee *self, guint person, const GDate *birth_date)
{
  g_return_if_fail (self != NULL && person < self->people->len);
  g_return_if_fail (birth_date == NULL || g_date_valid (birth_date));
  Person *p = person_at (self, person);
  p->has_birth = birth_date != NULL;
  if (birth_date)
    p->birth = *birth_date;
  else
    g_date_clear (&p->birth, 1);
}

gboolean
elect_committee_get_birth_date (const ElectCommittee *self, guint person, GDate *out_date)
{
  g_return_val_if_fail (self != NULL && person < self->people->len, FALSE);
  const Person *p = person_at (self, person);
  if (p->has_birth && out_date)
    *out_date = p->birth;
  return p->has_birth;
}

void
elect_committee_set_ethnicity (ElectCommittee *self, guint person, const char *ethnicity)
{
  g_return_if_fail (self != NULL && person < self->people->len);
  Person *p = person_at (self, person);
  g_free (p->ethnicity);
  p->ethnicity = ethnicity ? elect_name_normalize (ethnicity, -1) : NULL;
  if (p->ethnicity && !*p->ethnicity)
    g_clear_pointer (&p->ethnicity, g_free);
}

void
elect_committee_set_education (ElectCommittee *self, guint person, ElectEducation education)
{
  g_return_if_fail (self != NULL && person < self->people->len);
  g_return_if_fail (elect_education_to_string (education) != NULL);
  person_at (self, person)->education = education;
}

static gboolean
post_allowed (ElectCommitteeBody body, ElectCommitteePost post)
{
  if (post == ELECT_COMMITTEE_POST_WOMEN_MEMBER)
    return body == ELECT_COMMITTEE_BODY_VILLAGE;
  if (post == ELECT_COMMITTEE_POST_VICE)
    return body != ELECT_COMMITTEE_BODY_SUPERVISION;
  return TRUE;
}

gboolean
elect_committee_set_post (ElectCommittee *self, guint person, ElectCommitteeBody body,
                          ElectCommitteePost post)
{
  g_return_val_if_fail (self != NULL && person < self->people->len, FALSE);
  g_return_val_if_fail (elect_committee_body_to_string (body) != NULL, FALSE);
  g_return_val_if_fail (elect_committee_post_to_string (post) != NULL, FALSE);
  if (!post_allowed (body, post))
    return FALSE;
  person_at (self, person)->posts[body] = post;
  return TRUE;
}

ElectCommitteePost
elect_committee_get_post (const ElectCommittee *self, guint person, ElectCommitteeBody body)
{
  g_return_val_if_fail (self != NULL && person < self->people->len, ELECT_COMMITTEE_POST_NONE);
  g_return_val_if_fail (elect_committee_body_to_string (body) != NULL, ELECT_COMMITTEE_POST_NONE);
  return person_at (self, person)->posts[body];
}

static int
choice_index (const char *const *choices, const char *s)
{
  for (int i = 0; choices[i]; i++)
    if (strcmp (choices[i], s) == 0)
      return i;
  return -1;
}

gboolean
elect_committee_add_role (ElectCommittee *self, guint person, const char *role)
{
  g_return_val_if_fail (self != NULL && person < self->people->len, FALSE);
  g_return_val_if_fail (role != NULL, FALSE);
  int i = choice_index (elect_role_choices, role);
  if (i < 0 || i == ROLE_VC_MEMBER)
    return FALSE;
  person_at (self, person)->roles |= G_GUINT64_CONSTANT (1) << i;
  return TRUE;
}

gboolean
elect_committee_add_relation (ElectCommittee *self, guint a, guint b, const char *relation)
{
  g_return_val_if_fail (self != NULL && a < self->people->len && b < self->people->len, FALSE);
  g_return_val_if_fail (relation != NULL, FALSE);
  int i = choice_index (elect_relation_choices, relation);
  if (i < 0 || a == b)
    return FALSE;
  Relation r = { a, b, (guint) i };
  g_array_append_val (self->relations, r);
  return TRUE;
}

void
elect_committee_add_minority_group (ElectCommittee *self, const char *ethnicity)
{
  g_return_if_fail (self != NULL && ethnicity != NULL);
  char *norm = elect_name_normalize (ethnicity, -1);
  if (!norm || !*norm)
    {
      g_free (norm);
      return;
    }
  for (guint i = 0; i < self->minorities->len; i++)
    if (strcmp (self->minorities->pdata[i], norm) == 0)
      {
        g_free (norm);
        return;
      }
  g_ptr_array_add (self->minorities, norm);
}

void
elect_committee_set_target (ElectCommittee *self, ElectCompositionFigure figure, gint64 num,
                            gint64 den, const char *source)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (elect_composition_figure_to_string (figure) != NULL);
  g_return_if_fail (den >= 0 && den <= TARGET_DEN_MAX);
  g_return_if_fail (den == 0 || (num >= 0 && num <= den));
  Target *t = &self->targets[figure];
  g_free (t->source);
  t->source = den ? g_strdup (source) : NULL;
  t->num = den ? num : 0;
  t->den = den;
}

void
elect_committee_set_reference_date (ElectCommittee *self, const GDate *date)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (date == NULL || g_date_valid (date));
  self->has_ref = date != NULL;
  if (date)
    self->ref = *date;
  else
    g_date_clear (&self->ref, 1);
}

gboolean
elect_committee_get_reference_date (const ElectCommittee *self, GDate *out_date)
{
  g_return_val_if_fail (self != NULL, FALSE);
  if (self->has_ref && out_date)
    *out_date = self->ref;
  return self->has_ref;
}

/* ------------------------------------------------------------ findings */

/* Adds a finding whose message is @fmt (marked N_(), %s arguments only)
 * formatted with @en in English and @zh in Chinese. */
static void
add_reason2 (ElectComposition *res, ElectCompositionFinding kind, const char *code,
             const char *cite, const char *param, const char *fmt,
             const char *const *en, const char *const *zh)
{
  const char *e[MAX_ARGS], *z[MAX_ARGS];
  gboolean end = FALSE;
  for (guint i = 0; i < MAX_ARGS; i++)
    {
      end = end || en[i] == NULL;
      e[i] = end ? "" : en[i];
      z[i] = end ? "" : zh[i];
    }
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_autofree char *m_en = g_strdup_printf (fmt, e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7]);
  g_autofree char *m_zh = g_strdup_printf (elect_tr ("zh", fmt), z[0], z[1], z[2], z[3], z[4],
                                           z[5], z[6], z[7]);
#pragma GCC diagnostic pop
  Finding f = { kind, elect_reason_new_full (code, cite, param, m_en, m_zh) };
  g_array_append_val (res->findings, f);
  if (kind == ELECT_COMPOSITION_FINDING_VIOLATION)
    res->valid = FALSE;
}

/* As add_reason2(), with the same arguments in both languages except those
 * whose bit is set in @words: words marked N_() and translated. */
static void
add_reason (ElectComposition *res, ElectCompositionFinding kind, const char *code,
            const char *cite, const char *param, guint words, const char *fmt,
            const char *const *args)
{
  const char *zh[MAX_ARGS + 1] = { NULL };
  for (guint i = 0; i < MAX_ARGS && args[i]; i++)
    zh[i] = (words & (1u << i)) ? elect_tr ("zh", args[i]) : args[i];
  add_reason2 (res, kind, code, cite, param, fmt, args, zh);
}

#define ADD(res, kind, code, cite, param, words, fmt, ...) \
  add_reason ((res), (kind), (code), (cite), (param), (words), (fmt), \
              (const char *const[]) { __VA_ARGS__, NULL })

#define ADD0(res, kind, code, cite, param, fmt) \
  add_reason ((res), (kind), (code), (cite), (param), 0u, (fmt), (const char *const[]) { NULL })

#define NUM(buf, v) (g_snprintf ((buf), sizeof (buf), "%lld", (long long) (v)), (buf))

static void
finding_clear (gpointer p)
{
  elect_reason_unref (((Finding *) p)->reason);
}

static const char *
body_words (ElectCommitteeBody body, const ElectRules *rules)
{
  switch (body)
    {
    case ELECT_COMMITTEE_BODY_VILLAGE:
      return rules && elect_rules_get_kind (rules) == ELECT_KIND_RESIDENTS_COMMITTEE
               ? N_("the residents' committee") : N_("the villagers' committee");
    case ELECT_COMMITTEE_BODY_PARTY:
      return N_("the Party committee");
    case ELECT_COMMITTEE_BODY_SUPERVISION:
    default:
      return N_("the supervision committee");
    }
}

/* The relation of a pair in words, the same both ways round. */
static const char *
relation_words (guint rel)
{
  switch (rel)
    {
    case 0: return N_("spouses");
    case 1: case 2: return N_("parent and child");
    case 3: return N_("siblings");
    default: return N_("grandparent and grandchild");
    }
}

static const char *
role_words (guint role)
{
  switch (role)
    {
    case 1: return N_("village clerk (村文书)");
    case 2: return N_("village bookkeeper (村报账员)");
    case 3: return N_("manager of the village collective economic organisation");
    default: return N_("village finance staff");
    }
}

static const char *
figure_words (ElectCompositionFigure f)
{
  switch (f)
    {
    case ELECT_COMPOSITION_FIGURE_WOMEN: return N_("women members");
    case ELECT_COMPOSITION_FIGURE_ONE_SHOULDER: return N_("一肩挑 (Party secretary as chair of the villagers' committee)");
    case ELECT_COMPOSITION_FIGURE_CROSS_MEMBERSHIP: return N_("交叉任职 (members of both committees)");
    case ELECT_COMPOSITION_FIGURE_UNDER_35:
    default: return N_("members under 35");
    }
}

/* The converse of a relation index (b is a's rel <=> a is b's converse). */
static guint
converse (guint rel)
{
  switch (rel)
    {
    case 1: return 2;
    case 2: return 1;
    case 4: return 5;
    case 5: return 4;
    default: return rel;
    }
}

static gboolean
rel_in (guint64 set, guint rel)
{
  return (set & (G_GUINT64_CONSTANT (1) << rel)) || (set & (G_GUINT64_CONSTANT (1) << converse (rel)));
}

static int
post_rank (ElectCommitteePost p)
{
  switch (p)
    {
    case ELECT_COMMITTEE_POST_CHAIR: return 3;
    case ELECT_COMMITTEE_POST_VICE: return 2;
    case ELECT_COMMITTEE_POST_NONE: return 0;
    default: return 1;
    }
}

/* A pair seen already (relations recorded from both sides give one
 * finding). */
static gboolean
pair_seen (GHashTable *seen, guint a, guint b, guint tag)
{
  guint lo = MIN (a, b), hi = MAX (a, b);
  char key[64];
  g_snprintf (key, sizeof key, "%u:%u:%u", tag, lo, hi);
  if (g_hash_table_contains (seen, key))
    return TRUE;
  g_hash_table_add (seen, g_strdup (key));
  return FALSE;
}

static gboolean
check_kind (const ElectRules *rules, ElectCommitteeBody body, GError **error)
{
  if (!rules)
    return TRUE;
  ElectKind k = elect_rules_get_kind (rules);
  gboolean ok;
  const char *want;
  switch (body)
    {
    case ELECT_COMMITTEE_BODY_VILLAGE:
      ok = k == ELECT_KIND_VILLAGE_COMMITTEE || k == ELECT_KIND_RESIDENTS_COMMITTEE;
      want = "village-committee, residents-committee";
      break;
    case ELECT_COMMITTEE_BODY_PARTY:
      ok = k == ELECT_KIND_PARTY_COMMITTEE;
      want = "party-committee";
      break;
    default:
      ok = k == ELECT_KIND_SUPERVISION_COMMITTEE;
      want = "supervision-committee";
      break;
    }
  if (!ok)
    g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                 _("Profile “%s” is of kind %s, but the %s profile must be of kind %s"),
                 elect_rules_get_name (rules), elect_kind_to_string (k),
                 elect_committee_body_to_string (body), want);
  return ok;
}

static void
check_size (ElectComposition *res, const ElectRules *rules, ElectCommitteeBody body, gint64 n)
{
  gint64 lo, hi;
  char a[24], b[24], c[24];
  elect_rules_p_range (rules, ELECT_P_SEATS_RANGE, &lo, &hi);
  const char *cite = elect_rules_p_citation (rules, ELECT_P_SEATS_RANGE);
  const char *key = elect_rules_p_key (ELECT_P_SEATS_RANGE);
  const char *w = body_words (body, rules);
  if (n < lo)
    ADD (res, ELECT_COMPOSITION_FINDING_VIOLATION, "committee-too-small", cite, key, 1u,
         N_("Members of %s: %s; at least %s are required"), w, NUM (a, n), NUM (b, lo));
  else if (n > hi)
    ADD (res, ELECT_COMPOSITION_FINDING_VIOLATION, "committee-too-large", cite, key, 1u,
         N_("Members of %s: %s; at most %s are allowed"), w, NUM (a, n), NUM (b, hi));
  else
    ADD (res, ELECT_COMPOSITION_FINDING_SATISFIED, "committee-size-ok", cite, key, 1u,
         N_("Members of %s: %s, within the allowed %s–%s"), w, NUM (a, n), NUM (b, lo), NUM (c, hi));
}

static void
check_women (ElectComposition *res, const ElectCommittee *self, const ElectRules *rules,
             ElectCommitteeBody body)
{
  const char *cite = elect_rules_p_citation (rules, ELECT_P_WOMEN_MEMBER);
  const char *key = elect_rules_p_key (ELECT_P_WOMEN_MEMBER);
  const char *w = body_words (body, rules);
  for (guint i = 0; i < self->people->len; i++)
    {
      const Person *p = person_at (self, i);
      if (p->posts[body] == ELECT_COMMITTEE_POST_WOMEN_MEMBER && p->sex != ELECT_SEX_FEMALE)
        ADD (res, ELECT_COMPOSITION_FINDING_VIOLATION, "women-post-not-woman", cite, key, 2u,
             N_("%s holds the women member's post (妇女委员) of %s but is not recorded as a woman"),
             p->name, w);
    }
  if (elect_rules_p_int (rules, ELECT_P_WOMEN_MEMBER) == ELECT_WOMEN_NOT_REQUIRED)
    return;
  gint64 women = 0;
  char a[24];
  for (guint i = 0; i < self->people->len; i++)
    {
      const Person *p = person_at (self, i);
      if (p->posts[body] != ELECT_COMMITTEE_POST_NONE && p->sex == ELECT_SEX_FEMALE)
        women++;
    }
  if (women == 0)
    ADD (res, ELECT_COMPOSITION_FINDING_VIOLATION, "women-member-missing", cite, key, 1u,
         N_("No woman member on %s; the profile requires one"), w);
  else
    ADD (res, ELECT_COMPOSITION_FINDING_SATISFIED, "women-member-present", cite, key, 1u,
         N_("Women members on %s: %s, as the profile requires"), w, NUM (a, women));
}

static void
check_minorities (ElectComposition *res, const ElectCommittee *self, const ElectRules *rules)
{
  const char *cite = elect_rules_get_kind (rules) == ELECT_KIND_RESIDENTS_COMMITTEE ? CITE_RCL7
                                                                                    : CITE_VCL6_2;
  const char *w = body_words (ELECT_COMMITTEE_BODY_VILLAGE, rules);
  for (guint g = 0; g < self->minorities->len; g++)
    {
      const char *group = self->minorities->pdata[g];
      gint64 n = 0;
      char a[24];
      for (guint i = 0; i < self->people->len; i++)
        {
          const Person *p = person_at (self, i);
          if (p->posts[ELECT_COMMITTEE_BODY_VILLAGE] != ELECT_COMMITTEE_POST_NONE && p->ethnicity
              && strcmp (p->ethnicity, group) == 0)
            n++;
        }
      if (n == 0)
        ADD (res, ELECT_COMPOSITION_FINDING_VIOLATION, "minority-member-missing", cite, NULL, 2u,
             N_("No member of the %s group on %s; a multi-ethnic village needs members of its smaller groups"),
             group, w);
      else
        ADD (res, ELECT_COMPOSITION_FINDING_SATISFIED, "minority-member-present", cite, NULL, 2u,
             N_("Members of the %s group on %s: %s"), group, w, NUM (a, n));
    }
}

/* 任职回避 inside one committee (ZJ 31, HA 8, SH 2). */
static void
check_relatives (ElectComposition *res, const ElectCommittee *self, const ElectRules *rules,
                 ElectCommitteeBody body, GHashTable *seen)
{
  if (elect_rules_p_int (rules, ELECT_P_RELATIVES_AVOIDANCE) == ELECT_AVOIDANCE_NONE)
    return;
  guint64 set = elect_rules_p_bits (rules, ELECT_P_RELATIVES_RELATIONS);
  const char *cite = elect_rules_p_citation (rules, ELECT_P_RELATIVES_RELATIONS);
  const char *key = elect_rules_p_key (ELECT_P_RELATIVES_RELATIONS);
  const char *w = body_words (body, rules);
  gboolean found = FALSE;
  for (guint r = 0; r < self->relations->len; r++)
    {
      const Relation *rel = &g_array_index (self->relations, Relation, r);
      const Person *a = person_at (self, rel->a), *b = person_at (self, rel->b);
      if (a->posts[body] == ELECT_COMMITTEE_POST_NONE || b->posts[body] == ELECT_COMMITTEE_POST_NONE
          || !rel_in (set, rel->rel) || pair_seen (seen, rel->a, rel->b, body))
        continue;
      found = TRUE;
      int ra = post_rank (a->posts[body]), rb = post_rank (b->posts[body]);
      if (ra != rb)
        ADD (res, ELECT_COMPOSITION_FINDING_VIOLATION, "relatives-on-committee", cite, key, 0xcu,
             N_("%s and %s are %s and may not both serve on %s (任职回避): the one with the higher post, %s, stays"),
             a->name, b->name, relation_words (rel->rel), w, ra > rb ? a->name : b->name);
      else
        ADD (res, ELECT_COMPOSITION_FINDING_VIOLATION, "relatives-on-committee", cite, key, 0xcu,
             N_("%s and %s are %s and may not both serve on %s (任职回避): they hold the same post, so the one with more votes stays (a further vote when the votes are equal)"),
             a->name, b->name, relation_words (rel->rel), w);
    }
  if (!found)
    ADD (res, ELECT_COMPOSITION_FINDING_SATISFIED, "relatives-avoidance-ok", cite, key, 1u,
         N_("No two members of %s are related in a way the profile excludes (任职回避)"), w);
}

/* VCL 32, ZJi 30, SHi 25: who may not sit on the supervision committee. */
static void
check_supervision (ElectComposition *res, const ElectCommittee *self, const ElectRules *rules,
                   GHashTable *seen)
{
  guint64 roles = elect_rules_p_bits (rules, ELECT_P_SUPERVISION_EXCLUDED_ROLES);
  guint64 rels = elect_rules_p_bits (rules, ELECT_P_SUPERVISION_EXCLUDED_RELATIONS);
  const char *rcite = elect_rules_p_citation (rules, ELECT_P_SUPERVISION_EXCLUDED_ROLES);
  const char *rkey = elect_rules_p_key (ELECT_P_SUPERVISION_EXCLUDED_ROLES);
  const char *lcite = elect_rules_p_citation (rules, ELECT_P_SUPERVISION_EXCLUDED_RELATIONS);
  const char *lkey = elect_rules_p_key (ELECT_P_SUPERVISION_EXCLUDED_RELATIONS);
  guint64 of_roles = elect_rules_p_bits (rules, ELECT_P_SUPERVISION_RELATIVES_OF_ROLES);
  const char *ocite = elect_rules_p_citation (rules, ELECT_P_SUPERVISION_RELATIVES_OF_ROLES);
  const char *okey = elect_rules_p_key (ELECT_P_SUPERVISION_RELATIVES_OF_ROLES);
  const guint S = ELECT_COMMITTEE_BODY_SUPERVISION, V = ELECT_COMMITTEE_BODY_VILLAGE;
  gboolean found = FALSE;
  for (guint i = 0; i < self->people->len; i++)
    {
      const Person *p = person_at (self, i);
      if (p->posts[S] == ELECT_COMMITTEE_POST_NONE)
        continue;
      if ((roles & (G_GUINT64_CONSTANT (1) << ROLE_VC_MEMBER)) && p->posts[V] != ELECT_COMMITTEE_POST_NONE)
        {
          found = TRUE;
          ADD (res, ELECT_COMPOSITION_FINDING_VIOLATION, "supervision-vc-member", rcite, rkey, 0u,
               N_("%s is a member of the villagers' committee and may not sit on the supervision committee"),
               p->name);
        }
      for (guint role = 1; elect_role_choices[role]; role++)
        if ((roles & p->roles) & (G_GUINT64_CONSTANT (1) << role))
          {
            found = TRUE;
            ADD (res, ELECT_COMPOSITION_FINDING_VIOLATION, "supervision-excluded-role", rcite, rkey, 2u,
                 N_("%s is the %s and may not sit on the supervision committee"), p->name,
                 role_words (role));
          }
    }
  for (guint r = 0; r < self->relations->len; r++)
    {
      const Relation *rel = &g_array_index (self->relations, Relation, r);
      const Person *a = person_at (self, rel->a), *b = person_at (self, rel->b);
      if (!rel_in (rels, rel->rel))
        continue;
      /* Either side may be the supervision member; both ways are checked. */
      for (int side = 0; side < 2; side++)
        {
          const Person *s = side ? b : a, *v = side ? a : b;
          if (s->posts[S] == ELECT_COMMITTEE_POST_NONE || v->posts[V] == ELECT_COMMITTEE_POST_NONE)
            continue;
          guint si = side ? rel->b : rel->a, vi = side ? rel->a : rel->b;
          if (pair_seen (seen, si, vi, 100u + (si < vi)))
            continue;
          found = TRUE;
          ADD (res, ELECT_COMPOSITION_FINDING_VIOLATION, "supervision-vc-relative", lcite, lkey, 4u,
               N_("%s and the villagers' committee member %s are %s: %s may not sit on the supervision committee"),
               s->name, v->name, relation_words (rel->rel), s->name);
        }
      /* SHi 25: near relatives of the collective economy's managers too */
      for (int side = 0; side < 2 && of_roles; side++)
        {
          const Person *s = side ? b : a, *v = side ? a : b;
          guint64 held = v->roles & of_roles;
          if (s->posts[S] == ELECT_COMMITTEE_POST_NONE || held == 0)
            continue;
          found = TRUE;
          ADD (res, ELECT_COMPOSITION_FINDING_VIOLATION, "supervision-role-relative", ocite, okey, 0xcu,
               N_("%s and %s, the %s, are %s: %s may not sit on the supervision committee"),
               s->name, v->name, role_words ((guint) __builtin_ctzll (held)), relation_words (rel->rel),
               s->name);
        }
    }
  if (!found)
    ADD0 (res, ELECT_COMPOSITION_FINDING_SATISFIED, "supervision-exclusions-ok", rcite, rkey,
          N_("No member of the supervision committee is a villagers' committee member, a relative of one, or holds a role the profile excludes"));
}

static void
report_target (ElectComposition *res, const ElectCommittee *self, ElectCompositionFigure f)
{
  const Target *t = &self->targets[f];
  if (!t->den || !res->fig_set[f])
    return;
  gint64 num = res->fig_num[f], den = res->fig_den[f];
  gboolean met = num * t->den >= t->num * den;
  res->target_set[f] = TRUE;
  res->target_met[f] = met;
  char a[24], b[24], c[24], d[24];
  g_autofree char *code = g_strdup_printf ("%s-target-%s", elect_composition_figure_to_string (f),
                                           met ? "met" : "not-met");
  if (met)
    ADD (res, ELECT_COMPOSITION_FINDING_TARGET_MET, code, t->source, NULL, 1u,
         N_("Target for %s: %s of %s, at least %s/%s wanted: met"), figure_words (f), NUM (a, num),
         NUM (b, den), NUM (c, t->num), NUM (d, t->den));
  else
    ADD (res, ELECT_COMPOSITION_FINDING_TARGET_NOT_MET, code, t->source, NULL, 1u,
         N_("Target for %s: %s of %s, at least %s/%s wanted: not met"), figure_words (f), NUM (a, num),
         NUM (b, den), NUM (c, t->num), NUM (d, t->den));
}

static void
set_figure (ElectComposition *res, ElectCompositionFigure f, gint64 num, gint64 den)
{
  res->fig_set[f] = TRUE;
  res->fig_num[f] = num;
  res->fig_den[f] = den;
}

static void
reports (ElectComposition *res, const ElectCommittee *self, const gboolean present[N_BODIES],
         const GDate *ref)
{
  const guint V = ELECT_COMMITTEE_BODY_VILLAGE, P = ELECT_COMMITTEE_BODY_PARTY;
  if (!present[V] && !present[P])
    return;
  gint64 members = 0, women = 0, young = 0, both = 0;
  gboolean one_shoulder = FALSE, secretary = FALSE;
  g_autoptr (GString) unknown_en = g_string_new (NULL);
  g_autoptr (GString) unknown_zh = g_string_new (NULL);
  for (guint i = 0; i < self->people->len; i++)
    {
      const Person *p = person_at (self, i);
      gboolean on_v = present[V] && p->posts[V] != ELECT_COMMITTEE_POST_NONE;
      gboolean on_p = present[P] && p->posts[P] != ELECT_COMMITTEE_POST_NONE;
      if (!on_v && !on_p)
        continue;
      members++;
      if (on_v && on_p)
        both++;
      if (p->posts[P] == ELECT_COMMITTEE_POST_CHAIR)
        {
          secretary = TRUE;
          if (p->posts[V] == ELECT_COMMITTEE_POST_CHAIR)
            one_shoulder = TRUE;
        }
      if (p->sex == ELECT_SEX_FEMALE)
        women++;
      if (p->has_birth)
        {
          if (elect_age_on (&p->birth, ref) < 35)
            young++;
        }
      else
        {
          g_string_append_printf (unknown_en, "%s%s", unknown_en->len ? ", " : "", p->name);
          g_string_append_printf (unknown_zh, "%s%s", unknown_zh->len ? "、" : "", p->name);
        }
      res->education[p->education]++;
    }
  char a[24], b[24], c[24], d[24], e[24], f[24], g[24];
  if (present[V] && present[P])
    {
      set_figure (res, ELECT_COMPOSITION_FIGURE_ONE_SHOULDER, one_shoulder ? 1 : 0, 1);
      if (one_shoulder)
        ADD0 (res, ELECT_COMPOSITION_FINDING_REPORT, "party-secretary-is-chair", NULL, NULL,
              N_("一肩挑: the Party secretary is also chair of the villagers' committee"));
      else if (secretary)
        ADD0 (res, ELECT_COMPOSITION_FINDING_REPORT, "party-secretary-not-chair", NULL, NULL,
              N_("Not 一肩挑: the Party secretary is not chair of the villagers' committee"));
      else
        ADD0 (res, ELECT_COMPOSITION_FINDING_REPORT, "party-secretary-not-chair", NULL, NULL,
              N_("Not 一肩挑: no Party secretary is recorded"));
      set_figure (res, ELECT_COMPOSITION_FIGURE_CROSS_MEMBERSHIP, both, members);
      ADD (res, ELECT_COMPOSITION_FINDING_REPORT, "cross-membership-share", NULL, NULL, 0u,
           N_("交叉任职: %s of the %s members of the two committees sit on both"), NUM (a, both),
           NUM (b, members));
    }
  set_figure (res, ELECT_COMPOSITION_FIGURE_WOMEN, women, members);
  ADD (res, ELECT_COMPOSITION_FINDING_REPORT, "women-share", NULL, NULL, 0u,
       N_("Women: %s of the %s members"), NUM (a, women), NUM (b, members));
  set_figure (res, ELECT_COMPOSITION_FIGURE_UNDER_35, young, members);
  g_autofree char *day = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (ref),
                                          (guint) g_date_get_month (ref), g_date_get_day (ref));
  ADD (res, ELECT_COMPOSITION_FINDING_REPORT, "under-35-share", NULL, NULL, 0u,
       N_("Under 35 on %s: %s of the %s members"), day, NUM (a, young), NUM (b, members));
  if (unknown_en->len)
    add_reason2 (res, ELECT_COMPOSITION_FINDING_REPORT, "birth-date-unknown", NULL, NULL,
                 N_("No date of birth for %s: not counted as under 35"),
                 (const char *const[]) { unknown_en->str, NULL },
                 (const char *const[]) { unknown_zh->str, NULL });
  ADD (res, ELECT_COMPOSITION_FINDING_REPORT, "education-counts", NULL, NULL, 0u,
       N_("Education: postgraduate %s, bachelor %s, junior college %s, senior secondary %s, junior secondary %s, primary or less %s, not recorded %s"),
       NUM (a, res->education[ELECT_EDUCATION_POSTGRADUATE]),
       NUM (b, res->education[ELECT_EDUCATION_BACHELOR]),
       NUM (c, res->education[ELECT_EDUCATION_JUNIOR_COLLEGE]),
       NUM (d, res->education[ELECT_EDUCATION_SENIOR_SECONDARY]),
       NUM (e, res->education[ELECT_EDUCATION_JUNIOR_SECONDARY]),
       NUM (f, res->education[ELECT_EDUCATION_PRIMARY]),
       NUM (g, res->education[ELECT_EDUCATION_UNKNOWN]));
  for (guint fig = 0; fig < N_FIGURES; fig++)
    report_target (res, self, (ElectCompositionFigure) fig);
}

ElectComposition *
elect_committee_check (const ElectCommittee *self, const ElectRules *village_rules,
                       const ElectRules *party_rules, const ElectRules *supervision_rules,
                       const GDate *reference_date, GError **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (reference_date == NULL || g_date_valid (reference_date), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  const ElectRules *rules[N_BODIES] = { village_rules, party_rules, supervision_rules };
  for (guint b = 0; b < N_BODIES; b++)
    if (!check_kind (rules[b], (ElectCommitteeBody) b, error))
      return NULL;
  GDate ref;
  if (reference_date)
    ref = *reference_date;
  else if (self->has_ref)
    ref = self->ref;
  else
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_UNSET,
                   _("No reference date: give one, or set reference_date in the committee file"));
      return NULL;
    }
  for (guint i = 0; i < self->people->len; i++)
    {
      const Person *p = person_at (self, i);
      for (guint b = 0; b < N_BODIES; b++)
        if (p->posts[b] != ELECT_COMMITTEE_POST_NONE && !rules[b])
          {
            g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                         _("%s holds a post on the %s committee, but no profile was given for it"),
                         p->name, elect_committee_body_to_string ((ElectCommitteeBody) b));
            return NULL;
          }
      if (p->has_birth && elect_age_on (&p->birth, &ref) < 0)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%s was born after the reference date"), p->name);
          return NULL;
        }
    }

  ElectComposition *res = g_new0 (ElectComposition, 1);
  g_atomic_ref_count_init (&res->rc);
  res->findings = g_array_new (FALSE, TRUE, sizeof (Finding));
  g_array_set_clear_func (res->findings, finding_clear);
  res->ref = ref;
  res->valid = TRUE;
  gboolean present[N_BODIES];
  for (guint b = 0; b < N_BODIES; b++)
    {
      present[b] = rules[b] != NULL;
      res->size[b] = -1;
      if (!present[b])
        continue;
      gint64 n = 0;
      for (guint i = 0; i < self->people->len; i++)
        if (person_at (self, i)->posts[b] != ELECT_COMMITTEE_POST_NONE)
          n++;
      res->size[b] = n;
      check_size (res, rules[b], (ElectCommitteeBody) b, n);
    }
  for (guint b = 0; b < N_BODIES; b++)
    if (present[b])
      check_women (res, self, rules[b], (ElectCommitteeBody) b);
  if (present[ELECT_COMMITTEE_BODY_VILLAGE])
    check_minorities (res, self, village_rules);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint b = 0; b < N_BODIES; b++)
    if (present[b])
      check_relatives (res, self, rules[b], (ElectCommitteeBody) b, seen);
  if (present[ELECT_COMMITTEE_BODY_SUPERVISION])
    check_supervision (res, self, village_rules ? village_rules : supervision_rules, seen);
  reports (res, self, present, &ref);
  return res;
}

/* ------------------------------------------------------------ the result */

ElectComposition *
elect_composition_ref (ElectComposition *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->rc);
  return self;
}

void
elect_composition_unref (ElectComposition *self)
{
  if (!self || !g_atomic_ref_count_dec (&self->rc))
    return;
  g_array_unref (self->findings);
  g_free (self);
}

gboolean
elect_composition_is_valid (const ElectComposition *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->valid;
}

guint
elect_composition_get_n_findings (const ElectComposition *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->findings->len;
}

ElectReason *
elect_composition_get_finding (const ElectComposition *self, guint i,
                               ElectCompositionFinding *out_kind)
{
  g_return_val_if_fail (self != NULL && i < self->findings->len, NULL);
  const Finding *f = &g_array_index (self->findings, Finding, i);
  if (out_kind)
    *out_kind = f->kind;
  return f->reason;
}

gint64
elect_composition_get_size (const ElectComposition *self, ElectCommitteeBody body)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (elect_committee_body_to_string (body) != NULL, -1);
  return self->size[body];
}

gboolean
elect_composition_get_figure (const ElectComposition *self, ElectCompositionFigure figure,
                              gint64 *out_num, gint64 *out_den)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (elect_composition_figure_to_string (figure) != NULL, FALSE);
  if (!self->fig_set[figure])
    return FALSE;
  if (out_num)
    *out_num = self->fig_num[figure];
  if (out_den)
    *out_den = self->fig_den[figure];
  return TRUE;
}

gboolean
elect_composition_get_target (const ElectComposition *self, ElectCompositionFigure figure,
                              gboolean *out_met)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (elect_composition_figure_to_string (figure) != NULL, FALSE);
  if (!self->target_set[figure])
    return FALSE;
  if (out_met)
    *out_met = self->target_met[figure];
  return TRUE;
}

gint64
elect_composition_get_education_count (const ElectComposition *self, ElectEducation education)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (elect_education_to_string (education) != NULL, 0);
  return self->education[education];
}

char *
elect_composition_to_json (const ElectComposition *self, const char *lang)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, "libelect.composition/1");
  json_builder_set_member_name (b, "reference_date");
  g_autofree char *day = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&self->ref),
                                          (guint) g_date_get_month (&self->ref),
                                          g_date_get_day (&self->ref));
  json_builder_add_string_value (b, day);
  json_builder_set_member_name (b, "valid");
  json_builder_add_boolean_value (b, self->valid);
  json_builder_set_member_name (b, "sizes");
  json_builder_begin_object (b);
  for (guint i = 0; i < N_BODIES; i++)
    {
      json_builder_set_member_name (b, elect_committee_body_to_string ((ElectCommitteeBody) i));
      if (self->size[i] < 0)
        json_builder_add_null_value (b);
      else
        json_builder_add_int_value (b, self->size[i]);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "figures");
  json_builder_begin_object (b);
  for (guint i = 0; i < N_FIGURES; i++)
    {
      json_builder_set_member_name (b, elect_composition_figure_to_string ((ElectCompositionFigure) i));
      if (!self->fig_set[i])
        {
          json_builder_add_null_value (b);
          continue;
        }
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "num");
      json_builder_add_int_value (b, self->fig_num[i]);
      json_builder_set_member_name (b, "den");
      json_builder_add_int_value (b, self->fig_den[i]);
      if (self->target_set[i])
        {
          json_builder_set_member_name (b, "target_met");
          json_builder_add_boolean_value (b, self->target_met[i]);
        }
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "education");
  json_builder_begin_object (b);
  for (guint i = 0; i < N_EDUCATION; i++)
    {
      json_builder_set_member_name (b, elect_education_to_string ((ElectEducation) i));
      json_builder_add_int_value (b, self->education[i]);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "findings");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->findings->len; i++)
    {
      const Finding *f = &g_array_index (self->findings, Finding, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, elect_composition_finding_to_string (f->kind));
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, elect_reason_get_code (f->reason));
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, elect_reason_get_message (f->reason, lang));
      json_builder_set_member_name (b, "citation");
      json_builder_add_string_value (b, elect_reason_get_citation (f->reason));
      if (elect_reason_get_param (f->reason))
        {
          json_builder_set_member_name (b, "param");
          json_builder_add_string_value (b, elect_reason_get_param (f->reason));
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

/* ------------------------------------------------------------ the reader */

/* The post names of the file, per committee. */
static gboolean
post_from_file (ElectCommitteeBody body, const char *s, ElectCommitteePost *out)
{
  static const struct { ElectCommitteeBody body; const char *name; ElectCommitteePost post; } posts[] = {
    { ELECT_COMMITTEE_BODY_VILLAGE, "chair", ELECT_COMMITTEE_POST_CHAIR },
    { ELECT_COMMITTEE_BODY_VILLAGE, "vice-chair", ELECT_COMMITTEE_POST_VICE },
    { ELECT_COMMITTEE_BODY_VILLAGE, "member", ELECT_COMMITTEE_POST_MEMBER },
    { ELECT_COMMITTEE_BODY_VILLAGE, "women-member", ELECT_COMMITTEE_POST_WOMEN_MEMBER },
    { ELECT_COMMITTEE_BODY_PARTY, "secretary", ELECT_COMMITTEE_POST_CHAIR },
    { ELECT_COMMITTEE_BODY_PARTY, "deputy-secretary", ELECT_COMMITTEE_POST_VICE },
    { ELECT_COMMITTEE_BODY_PARTY, "member", ELECT_COMMITTEE_POST_MEMBER },
    { ELECT_COMMITTEE_BODY_SUPERVISION, "chair", ELECT_COMMITTEE_POST_CHAIR },
    { ELECT_COMMITTEE_BODY_SUPERVISION, "member", ELECT_COMMITTEE_POST_MEMBER },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (posts); i++)
    if (posts[i].body == body && strcmp (posts[i].name, s) == 0)
      {
        *out = posts[i].post;
        return TRUE;
      }
  return FALSE;
}

static gboolean
read_targets (ElectCommittee *self, JsonObject *to, const char *origin, GError **error)
{
  static const char *const keys[] = { "women", "one-shoulder", "cross-membership", "under-35", NULL };
  if (!elect_json_check_members (to, keys, origin, "$.targets", error))
    return FALSE;
  static const char *const tkeys[] = { "num", "den", "source", NULL };
  for (guint f = 0; f < N_FIGURES; f++)
    {
      const char *name = elect_composition_figure_to_string ((ElectCompositionFigure) f);
      g_autofree char *path = g_strdup_printf ("$.targets.%s", name);
      gboolean failed;
      JsonObject *t = elect_json_get_object (to, name, origin, "$.targets", error, &failed);
      if (failed)
        return FALSE;
      if (!t)
        continue;
      if (!elect_json_check_members (t, tkeys, origin, path, error))
        return FALSE;
      gint64 num, den;
      if (!elect_json_get_int (t, "den", ELECT_JSON_REQUIRED, 1, TARGET_DEN_MAX, &den, origin,
                               path, error)
          || !elect_json_get_int (t, "num", ELECT_JSON_REQUIRED, 0, den, &num, origin, path, error))
        return FALSE;
      const char *source = elect_json_get_string (t, "source", ELECT_JSON_OPTIONAL, origin, path,
                                                  error, &failed);
      if (failed)
        return FALSE;
      elect_committee_set_target (self, (ElectCompositionFigure) f, num, den, source);
    }
  return TRUE;
}

ElectCommittee *
elect_committee_new_from_json (const char *data, gssize length, const char *origin,
                               GError **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (!origin)
    origin = "<committee>";
  g_autoptr (JsonNode) root = elect_json_doc_parse (data, length, origin, COMMITTEE_MAX_INPUT,
                                                     "libelect.committee/1", error);
  if (!root)
    return NULL;
  JsonObject *o = json_node_get_object (root);
  gboolean failed;
  static const char *const top[] = { "format", "village", "reference_date", "minority_groups",
                                     "targets", "people", NULL };
  if (!elect_json_check_members (o, top, origin, "$", error))
    return NULL;
  g_autoptr (ElectCommittee) self = elect_committee_new ();
  (void) elect_json_get_string (o, "village", ELECT_JSON_OPTIONAL, origin, "$", error, &failed);
  if (failed)
    return NULL;
  GDate ref;
  gboolean has;
  if (!elect_json_get_date (o, "reference_date", ELECT_JSON_OPTIONAL, 1, &ref, &has, origin, "$",
                            error))
    return NULL;
  if (has)
    elect_committee_set_reference_date (self, &ref);
  JsonArray *groups = elect_json_get_array (o, "minority_groups", origin, "$", error, &failed);
  if (failed)
    return NULL;
  for (guint i = 0; groups && i < json_array_get_length (groups); i++)
    {
      JsonNode *g = json_array_get_element (groups, i);
      g_autofree char *norm = NULL;
      if (json_node_get_value_type (g) == G_TYPE_STRING)
        norm = elect_name_normalize (json_node_get_string (g), -1);
      if (!norm || !*norm)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%s: $.minority_groups[%u]: expected a non-empty string"), origin, i);
          return NULL;
        }
      elect_committee_add_minority_group (self, norm);
    }
  JsonObject *targets = elect_json_get_object (o, "targets", origin, "$", error, &failed);
  if (failed || (targets && !read_targets (self, targets, origin, error)))
    return NULL;
  JsonArray *people = elect_json_get_array (o, "people", origin, "$", error, &failed);
  if (failed)
    return NULL;
  if (!people)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: $.people: missing (an array)"), origin);
      return NULL;
    }
  /* First pass: the people and their ids; relations refer to ids. */
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  static const char *const keys[] = { "id", "name", "sex", "birth_date", "id_number", "ethnicity",
                                      "education", "posts", "roles", "relatives", NULL };
  guint n = json_array_get_length (people);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("$.people[%u]", i);
      JsonObject *po = elect_json_array_get_object (people, i, keys, origin, path, error);
      if (!po)
        return NULL;
      const char *name = elect_json_get_string (po, "name", ELECT_JSON_REQUIRED, origin, path,
                                                error, &failed);
      if (failed)
        return NULL;
      int idx = elect_committee_add_person (self, name);
      if (idx < 0)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: %s.name: expected a non-empty name"),
                       origin, path);
          return NULL;
        }
      const char *id = elect_json_get_string (po, "id", ELECT_JSON_OPTIONAL, origin, path, error,
                                              &failed);
      if (failed)
        return NULL;
      if (id && !*id)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: %s.id: expected a non-empty string"),
                       origin, path);
          return NULL;
        }
      const char *key = id ? id : elect_committee_get_name (self, (guint) idx);
      if (g_hash_table_contains (ids, key))
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%s: %s: the id “%s” is used twice (give people who share a name an id each)"),
                       origin, path, key);
          return NULL;
        }
      g_hash_table_insert (ids, g_strdup (key), GUINT_TO_POINTER ((guint) idx + 1));
      const char *sex = elect_json_get_string (po, "sex", ELECT_JSON_OPTIONAL, origin, path, error,
                                               &failed);
      if (failed)
        return NULL;
      if (sex)
        {
          ElectSex s;
          if (!elect_sex_from_string (sex, &s))
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                           _("%s: %s.sex: expected male, female or unknown"), origin, path);
              return NULL;
            }
          elect_committee_set_sex (self, (guint) idx, s);
        }
      GDate birth;
      if (!elect_json_get_date (po, "birth_date", ELECT_JSON_OPTIONAL, 1, &birth, &has, origin,
                                path, error))
        return NULL;
      const char *idn = elect_json_get_string (po, "id_number", ELECT_JSON_OPTIONAL, origin, path,
                                               error, &failed);
      if (failed)
        return NULL;
      if (idn)
        {
          GDate from_id;
          ElectSex id_sex;
          g_autoptr (GError) perr = NULL;
          if (!elect_id_number_parse (idn, -1, NULL, NULL, &from_id, &id_sex, &perr))
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, "%s: %s.id_number: %s", origin, path,
                           perr->message);
              return NULL;
            }
          if (has && g_date_compare (&birth, &from_id) != 0)
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                           _("%s: %s.birth_date: contradicts the date of birth in id_number"), origin, path);
              return NULL;
            }
          if (sex && person_at (self, (guint) idx)->sex != id_sex)
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                           _("%s: %s.sex: contradicts the sex in id_number"), origin, path);
              return NULL;
            }
          birth = from_id;
          has = TRUE;
          elect_committee_set_sex (self, (guint) idx, id_sex);
        }
      if (has)
        elect_committee_set_birth_date (self, (guint) idx, &birth);
      const char *eth = elect_json_get_string (po, "ethnicity", ELECT_JSON_OPTIONAL, origin, path,
                                               error, &failed);
      if (failed)
        return NULL;
      elect_committee_set_ethnicity (self, (guint) idx, eth);
      const char *edu = elect_json_get_string (po, "education", ELECT_JSON_OPTIONAL, origin, path,
                                               error, &failed);
      if (failed)
        return NULL;
      if (edu)
        {
          ElectEducation level;
          if (!elect_education_from_string (edu, &level))
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                           _("%s: %s.education: expected primary, junior-secondary, senior-secondary, "
                             "junior-college, bachelor, postgraduate or unknown"), origin, path);
              return NULL;
            }
          elect_committee_set_education (self, (guint) idx, level);
        }
      JsonObject *posts = elect_json_get_object (po, "posts", origin, path, error, &failed);
      if (failed)
        return NULL;
      if (posts)
        {
          g_autofree char *ppath = g_strdup_printf ("%s.posts", path);
          static const char *const bodies[] = { "village", "party", "supervision", NULL };
          if (!elect_json_check_members (posts, bodies, origin, ppath, error))
            return NULL;
          for (guint b = 0; b < N_BODIES; b++)
            {
              const char *s = elect_json_get_string (posts, bodies[b], ELECT_JSON_OPTIONAL, origin,
                                                     ppath, error, &failed);
              if (failed)
                return NULL;
              ElectCommitteePost post;
              if (!s)
                continue;
              if (!post_from_file ((ElectCommitteeBody) b, s, &post))
                {
                  g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: %s.%s: expected %s"),
                               origin, ppath, bodies[b],
                               b == ELECT_COMMITTEE_BODY_VILLAGE ? "chair, vice-chair, member or women-member"
                               : b == ELECT_COMMITTEE_BODY_PARTY ? "secretary, deputy-secretary or member"
                               : "chair or member");
                  return NULL;
                }
              elect_committee_set_post (self, (guint) idx, (ElectCommitteeBody) b, post);
            }
        }
      JsonArray *roles = elect_json_get_array (po, "roles", origin, path, error, &failed);
      if (failed)
        return NULL;
      for (guint r = 0; roles && r < json_array_get_length (roles); r++)
        {
          JsonNode *rn = json_array_get_element (roles, r);
          if (json_node_get_value_type (rn) != G_TYPE_STRING
              || !elect_committee_add_role (self, (guint) idx, json_node_get_string (rn)))
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                           _("%s: %s.roles[%u]: expected village-clerk, bookkeeper, "
                             "collective-economy-manager or finance-staff"), origin, path, r);
              return NULL;
            }
        }
    }
  /* Second pass: the relations. */
  static const char *const rel_keys[] = { "id", "relation", NULL };
  for (guint i = 0; i < n; i++)
    {
      JsonObject *po = json_node_get_object (json_array_get_element (people, i));
      g_autofree char *path = g_strdup_printf ("$.people[%u]", i);
      JsonArray *rels = elect_json_get_array (po, "relatives", origin, path, error, &failed);
      if (failed)
        return NULL;
      for (guint r = 0; rels && r < json_array_get_length (rels); r++)
        {
          g_autofree char *rpath = g_strdup_printf ("%s.relatives[%u]", path, r);
          JsonObject *ro = elect_json_array_get_object (rels, r, rel_keys, origin, rpath, error);
          if (!ro)
            return NULL;
          const char *other = elect_json_get_string (ro, "id", ELECT_JSON_REQUIRED, origin, rpath,
                                                     error, &failed);
          if (failed)
            return NULL;
          const char *rel = elect_json_get_string (ro, "relation", ELECT_JSON_REQUIRED, origin,
                                                   rpath, error, &failed);
          if (failed)
            return NULL;
          gpointer v = g_hash_table_lookup (ids, other);
          if (!v)
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                           _("%s: %s.id: no person has the id “%s”"), origin, rpath, other);
              return NULL;
            }
          if (!elect_committee_add_relation (self, i, GPOINTER_TO_UINT (v) - 1, rel))
            {
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                           _("%s: %s: expected another person and a relation (spouse, parent, child, "
                             "sibling, grandparent, grandchild)"), origin, rpath);
              return NULL;
            }
        }
    }
  return g_steal_pointer (&self);
}
