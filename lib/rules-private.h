/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Internals of the rule profiles: the parameter table and typed access for
 * the other modules of the library. Never installed. */
#pragma once

#include "elect/elect.h"

G_BEGIN_DECLS

/* Vocabularies of policy and set parameters (NULL-terminated, in the order
 * of the corresponding internal enums below). */
extern const char *const elect_kind_choices[];
extern const char *const elect_electorate_choices[];
extern const char *const elect_work_choices[];
extern const char *const elect_extra_category_choices[];
extern const char *const elect_roll_order_choices[];
extern const char *const elect_surplus_choices[];
extern const char *const elect_list_order_choices[];
extern const char *const elect_name_order_choices[];
extern const char *const elect_relation_choices[];
extern const char *const elect_quorum_measure_choices[];
extern const char *const elect_void_bound_choices[];
extern const char *const elect_overvote_choices[];
extern const char *const elect_two_posts_choices[];
extern const char *const elect_win_base_choices[];
extern const char *const elect_tie_choices[];
extern const char *const elect_supp_rule_choices[];
extern const char *const elect_supp_candidates_choices[];
extern const char *const elect_vacancy_choices[];
extern const char *const elect_women_choices[];
extern const char *const elect_avoidance_choices[];
extern const char *const elect_refill_choices[];
extern const char *const elect_role_choices[];

/* X(ID, "group.key", TYPE, choices, min, max, optional, "English description")
 * The order is the order of the dump and of elect_rules_list_params(). */
#define ELECT_PARAMS(X) \
  X (GENERAL_KIND, "general.kind", POLICY, elect_kind_choices, 0, 0, FALSE, \
     N_("Which body is elected")) \
  X (GENERAL_TERM_YEARS, "general.term_years", INT, NULL, 1, 10, FALSE, \
     N_("Term of office in years")) \
  X (SEATS_RANGE, "seats.range", RANGE, NULL, 1, 99, FALSE, \
     N_("Number of members, minimum-maximum")) \
  X (SEATS_NORMAL_MAX, "seats.normal_max", INT, NULL, 1, 99, TRUE, \
     N_("Usual maximum number of members")) \
  X (ELECTORATE_MODES, "electorate.modes", SET, elect_electorate_choices, 0, 0, FALSE, \
     N_("Who forms the electorate")) \
  X (ELECTORATE_MIN_AGE, "electorate.min_age", INT, NULL, 0, 150, TRUE, \
     N_("Minimum age on election day")) \
  X (ELECTORATE_RESIDENCE_YEARS, "electorate.residence_years", INT, NULL, 0, 50, TRUE, \
     N_("Years of residence for voters without local hukou")) \
  X (ELECTORATE_WORK_COUNTS, "electorate.work_counts", POLICY, elect_work_choices, 0, 0, TRUE, \
     N_("Whether working in the village counts as residence")) \
  X (ELECTORATE_HOME_CERTIFICATE, "electorate.home_certificate", BOOL, NULL, 0, 1, FALSE, \
     N_("Non-hukou voters need a certificate of not voting at home")) \
  X (ELECTORATE_PROXY_IS_INTENT, "electorate.proxy_is_intent", BOOL, NULL, 0, 1, FALSE, \
     N_("An absent hukou voter's written proxy counts as the will to take part")) \
  X (ELECTORATE_INCAPACITY_CONFIRMATION, "electorate.incapacity_confirmation", BOOL, NULL, 0, 1, FALSE, \
     N_("The election committee may confirm that a person cannot exercise the right")) \
  X (ELECTORATE_EXTRA_CATEGORIES, "electorate.extra_categories", SET, elect_extra_category_choices, 0, 0, FALSE, \
     N_("Extra registration categories of the province")) \
  X (ROLL_PUBLISH_DAYS_BEFORE, "roll.publish_days_before", DAYS, NULL, 0, 365, TRUE, \
     N_("Roll published at least this many days before election day")) \
  X (ROLL_OBJECTION_DAYS, "roll.objection_days", DAYS, NULL, 0, 365, TRUE, \
     N_("Days for objections, from publication")) \
  X (ROLL_DECISION_DAYS, "roll.decision_days", DAYS, NULL, 0, 365, TRUE, \
     N_("Days to decide an objection, from receipt")) \
  X (ROLL_OBJECTION_WRITTEN, "roll.objection_written", BOOL, NULL, 0, 1, FALSE, \
     N_("Objections and decisions are written")) \
  X (ROLL_LATE_OBJECTION_REFUSED, "roll.late_objection_refused", BOOL, NULL, 0, 1, FALSE, \
     N_("Late objections are refused")) \
  X (ROLL_ORDER, "roll.order", POLICY, elect_roll_order_choices, 0, 0, FALSE, \
     N_("Order of the published roll")) \
  X (CANDIDATES_SURPLUS, "candidates.surplus", POLICY, elect_surplus_choices, 0, 0, FALSE, \
     N_("How many more candidates than seats")) \
  X (CANDIDATES_SURPLUS_CHAIR, "candidates.surplus_chair", RANGE, NULL, 0, 99, TRUE, \
     N_("Extra candidates for the chair")) \
  X (CANDIDATES_SURPLUS_VICE, "candidates.surplus_vice", RANGE, NULL, 0, 99, TRUE, \
     N_("Extra candidates for vice-chairs")) \
  X (CANDIDATES_SURPLUS_MEMBER, "candidates.surplus_member", RANGE, NULL, 0, 99, TRUE, \
     N_("Extra candidates for members")) \
  X (CANDIDATES_SURPLUS_FRACTION, "candidates.surplus_fraction", FRACTION, NULL, 0, 0, TRUE, \
     N_("Extra candidates as a share of seats")) \
  X (CANDIDATES_EQUAL_WHEN_NOMINEES_EQUAL_SEATS, "candidates.equal_when_nominees_equal_seats", BOOL, NULL, 0, 1, FALSE, \
     N_("An equal election is allowed when nominees equal seats")) \
  X (CANDIDATES_NOMINATION_QUORUM, "candidates.nomination_quorum", FRACTION, NULL, 0, 0, TRUE, \
     N_("Share of voters a nomination meeting needs")) \
  X (CANDIDATES_NOMINATION_LIMIT_SEATS, "candidates.nomination_limit_seats", BOOL, NULL, 0, 1, FALSE, \
     N_("A voter nominates at most as many people as seats")) \
  X (CANDIDATES_SELF_NOMINATION_DAYS_BEFORE, "candidates.self_nomination_days_before", DAYS, NULL, 0, 365, TRUE, \
     N_("Self-nomination closes this many days before election day")) \
  X (CANDIDATES_LIST_DAYS_BEFORE, "candidates.list_days_before", DAYS, NULL, 0, 365, TRUE, \
     N_("Official candidate list published this many days before")) \
  X (CANDIDATES_WITHDRAWAL_DAYS_BEFORE, "candidates.withdrawal_days_before", DAYS, NULL, 0, 365, TRUE, \
     N_("Last day for a candidate to withdraw, days before")) \
  X (CANDIDATES_LIST_ORDER, "candidates.list_order", POLICY, elect_list_order_choices, 0, 0, FALSE, \
     N_("Order of the official candidate list")) \
  X (CANDIDATES_NAME_ORDER, "candidates.name_order", POLICY, elect_name_order_choices, 0, 0, FALSE, \
     N_("Stroke-order convention for names of one surname")) \
  X (CANDIDATES_RELATIVES_LEAVE_COMMITTEE, "candidates.relatives_leave_committee", BOOL, NULL, 0, 1, FALSE, \
     N_("A nominee's spouse, parents, children and siblings must leave the election committee")) \
  X (PROXY_ALLOWED, "proxy.allowed", BOOL, NULL, 0, 1, FALSE, \
     N_("Proxy voting is allowed")) \
  X (PROXY_MAX_PRINCIPALS, "proxy.max_principals", INT, NULL, 0, 99, TRUE, \
     N_("Most principals one proxy may hold (none: no limit stated)")) \
  X (PROXY_RELATIONS, "proxy.relations", SET, elect_relation_choices, 0, 0, FALSE, \
     N_("Relations a proxy must have to the principal")) \
  X (PROXY_CANDIDATE_MAY_BE_PROXY, "proxy.candidate_may_be_proxy", BOOL, NULL, 0, 1, FALSE, \
     N_("A candidate may act as a proxy")) \
  X (PROXY_FILED_DAYS_BEFORE, "proxy.filed_days_before", DAYS, NULL, 0, 365, TRUE, \
     N_("Proxies filed at least this many days before")) \
  X (PROXY_LIST_DAYS_BEFORE, "proxy.list_days_before", DAYS, NULL, 0, 365, TRUE, \
     N_("List of proxies published at least this many days before")) \
  X (PROXY_ON_ELECTION_DAY, "proxy.on_election_day", BOOL, NULL, 0, 1, FALSE, \
     N_("Proxies may be given on election day")) \
  X (COUNT_QUORUM, "count.quorum", FRACTION, NULL, 0, 0, FALSE, \
     N_("Turnout or attendance quorum, as a share of the electorate")) \
  X (COUNT_QUORUM_MEASURE, "count.quorum_measure", POLICY, elect_quorum_measure_choices, 0, 0, FALSE, \
     N_("What the quorum counts")) \
  X (COUNT_VOID_BOUND, "count.void_bound", POLICY, elect_void_bound_choices, 0, 0, FALSE, \
     N_("A round is void when ballots returned exceed this number")) \
  X (COUNT_OVERVOTE, "count.overvote", POLICY, elect_overvote_choices, 0, 0, FALSE, \
     N_("What an over-vote voids")) \
  X (COUNT_SAME_PERSON_TWO_POSTS, "count.same_person_two_posts", POLICY, elect_two_posts_choices, 0, 0, TRUE, \
     N_("One person marked for two posts on one ballot")) \
  X (COUNT_WIN_BASE, "count.win_base", POLICY, elect_win_base_choices, 0, 0, FALSE, \
     N_("Base of the winning threshold")) \
  X (COUNT_WIN_THRESHOLD, "count.win_threshold", FRACTION, NULL, 0, 0, FALSE, \
     N_("Winning threshold, as a share of the base")) \
  X (COUNT_TIE, "count.tie", POLICY, elect_tie_choices, 0, 0, FALSE, \
     N_("Tie at the last seats")) \
  X (SUPPLEMENTARY_RULE, "supplementary.rule", POLICY, elect_supp_rule_choices, 0, 0, FALSE, \
     N_("Who is elected in a supplementary round")) \
  X (SUPPLEMENTARY_PLURALITY_FLOOR, "supplementary.plurality_floor", FRACTION, NULL, 0, 0, TRUE, \
     N_("Least share of ballots cast for a plurality winner")) \
  X (SUPPLEMENTARY_QUORUM, "supplementary.quorum", FRACTION, NULL, 0, 0, TRUE, \
     N_("Turnout quorum of a supplementary round")) \
  X (SUPPLEMENTARY_WITHIN_DAYS, "supplementary.within_days", DAYS, NULL, 0, 365, TRUE, \
     N_("Supplementary round held within this many days")) \
  X (SUPPLEMENTARY_CANDIDATES, "supplementary.candidates", POLICY, elect_supp_candidates_choices, 0, 0, FALSE, \
     N_("Candidates of a supplementary round")) \
  X (SUPPLEMENTARY_VACANCY, "supplementary.vacancy", POLICY, elect_vacancy_choices, 0, 0, FALSE, \
     N_("When unfilled seats may stay vacant")) \
  X (SUPPLEMENTARY_VACANCY_MIN_ELECTED, "supplementary.vacancy_min_elected", INT, NULL, 0, 99, TRUE, \
     N_("Members elected at least, for seats to stay vacant")) \
  X (SUPPLEMENTARY_VACANCY_REQUIRES_CHAIR, "supplementary.vacancy_requires_chair", BOOL, NULL, 0, 1, FALSE, \
     N_("Seats may stay vacant only once the chair is elected")) \
  X (WOMEN_MEMBER, "women.member", POLICY, elect_women_choices, 0, 0, FALSE, \
     N_("Women-member rule")) \
  X (WOMEN_KEEP_POST_IN_SUPPLEMENTARY, "women.keep_post_in_supplementary", BOOL, NULL, 0, 1, FALSE, \
     N_("The women's post stays on the supplementary ballot until filled")) \
  X (RELATIVES_AVOIDANCE, "relatives.avoidance", POLICY, elect_avoidance_choices, 0, 0, FALSE, \
     N_("Relatives avoidance among elected members")) \
  X (RELATIVES_RELATIONS, "relatives.relations", SET, elect_relation_choices, 0, 0, FALSE, \
     N_("Relations that may not serve together")) \
  X (RELATIVES_REFILL, "relatives.refill", POLICY, elect_refill_choices, 0, 0, FALSE, \
     N_("How a seat freed by avoidance is filled")) \
  X (SUPERVISION_EXCLUDED_ROLES, "supervision.excluded_roles", SET, elect_role_choices, 0, 0, FALSE, \
     N_("Roles that may not sit on the supervision committee")) \
  X (SUPERVISION_EXCLUDED_RELATIONS, "supervision.excluded_relations", SET, elect_relation_choices, 0, 0, FALSE, \
     N_("Relatives of villagers' committee members excluded from the supervision committee")) \
  X (SUPERVISION_RELATIVES_OF_ROLES, "supervision.relatives_of_roles", SET, elect_role_choices, 0, 0, FALSE, \
     N_("Roles whose holders' relatives are also excluded from the supervision committee")) \
  X (SCHEDULE_RESULTS_DAYS_AFTER, "schedule.results_days_after", DAYS, NULL, 0, 365, TRUE, \
     N_("Results announced at the latest this many days after")) \
  X (SCHEDULE_HANDOVER_DAYS, "schedule.handover_days", DAYS, NULL, 0, 365, TRUE, \
     N_("Handover within this many days of the new committee")) \
  X (SCHEDULE_ARRANGEMENTS_DAYS_BEFORE, "schedule.arrangements_days_before", DAYS, NULL, 0, 365, TRUE, \
     N_("Time, place and manner of voting announced at least this many days before")) \
  X (SCHEDULE_AUDIT_DAYS_BEFORE, "schedule.audit_days_before", DAYS, NULL, 0, 365, TRUE, \
     N_("Departure audit results published at least this many days before")) \
  X (SCHEDULE_DISCIPLINE_DAYS_BEFORE, "schedule.discipline_days_before", DAYS, NULL, 0, 365, TRUE, \
     N_("Election-period discipline window starts this many days before (local policy)"))

typedef enum {
#define ELECT_X_ENUM(id, key, type, choices, lo, hi, opt, doc) ELECT_P_##id,
  ELECT_PARAMS (ELECT_X_ENUM)
#undef ELECT_X_ENUM
  ELECT_N_PARAMS
} ElectParamId;

/* Internal enums matching the vocabularies above (index in the list). */
typedef enum { ELECT_OVERVOTE_VOID_BALLOT, ELECT_OVERVOTE_VOID_CONTEST } ElectOvervotePolicy;
typedef enum { ELECT_TWO_POSTS_SEPARATE, ELECT_TWO_POSTS_VOID_BALLOT, ELECT_TWO_POSTS_CASCADE_DOWN } ElectTwoPostsPolicy;
typedef enum { ELECT_VOID_BOUND_VOTERS, ELECT_VOID_BOUND_ISSUED, ELECT_VOID_BOUND_PRESENT } ElectVoidBound;
typedef enum { ELECT_WIN_BASE_RETURNED, ELECT_WIN_BASE_ISSUED, ELECT_WIN_BASE_PRESENT } ElectWinBase;
typedef enum { ELECT_QUORUM_RETURNED, ELECT_QUORUM_PRESENT } ElectQuorumMeasure;
typedef enum { ELECT_TIE_REVOTE, ELECT_TIE_CONTINUE } ElectTiePolicy;
typedef enum { ELECT_SUPP_PLURALITY, ELECT_SUPP_MAJORITY_THEN_PLURALITY, ELECT_SUPP_MAJORITY } ElectSuppRule;
typedef enum { ELECT_VACANCY_NEVER, ELECT_VACANCY_AFTER_REGULAR, ELECT_VACANCY_AFTER_SUPPLEMENTARY, ELECT_VACANCY_BY_DECISION } ElectVacancyPolicy;
typedef enum { ELECT_WOMEN_NOT_REQUIRED, ELECT_WOMEN_REQUIRED, ELECT_WOMEN_SEPARATE_POST } ElectWomenPolicy;
typedef enum { ELECT_SURPLUS_MORE_THAN_SEATS, ELECT_SURPLUS_PER_POST, ELECT_SURPLUS_FRACTION } ElectSurplusPolicy;
typedef enum { ELECT_NAME_ORDER_SURNAME_STROKES, ELECT_NAME_ORDER_NAME_STROKES } ElectNameOrder;
typedef enum { ELECT_AVOIDANCE_NONE, ELECT_AVOIDANCE_KEEP_HIGHER_POST } ElectAvoidancePolicy;
typedef enum { ELECT_REFILL_NONE, ELECT_REFILL_NEXT_BY_VOTES } ElectRefillPolicy;

/* Relation bits of the relation vocabulary. */
typedef enum {
  ELECT_REL_SPOUSE      = 1 << 0,
  ELECT_REL_PARENT      = 1 << 1,
  ELECT_REL_CHILD       = 1 << 2,
  ELECT_REL_SIBLING     = 1 << 3,
  ELECT_REL_GRANDPARENT = 1 << 4,
  ELECT_REL_GRANDCHILD  = 1 << 5,
} ElectRelationBits;

/* A fraction with its comparison: part OP num/den of whole. */
typedef struct {
  gint64 num;
  gint64 den;
  gboolean strict;   /* '>' when TRUE, '>=' when FALSE */
} ElectFraction;

/* Largest count the library accepts anywhere (2^40, about 1.1e12): products
 * with a fraction denominator (<= 1000) stay far below 2^63. */
#define ELECT_COUNT_MAX (G_GINT64_CONSTANT (1) << 40)
#define ELECT_FRACTION_DEN_MAX 1000

/* Typed access for the library's own modules; the parameter must be set
 * (validated profiles have every non-optional parameter set). */
gboolean     elect_rules_p_is_set   (const ElectRules *rules, ElectParamId id);
gint64       elect_rules_p_int      (const ElectRules *rules, ElectParamId id);
void         elect_rules_p_range    (const ElectRules *rules, ElectParamId id, gint64 *lo, gint64 *hi);
ElectFraction elect_rules_p_fraction (const ElectRules *rules, ElectParamId id);
guint64      elect_rules_p_bits     (const ElectRules *rules, ElectParamId id);
const char  *elect_rules_p_citation (const ElectRules *rules, ElectParamId id);
const char  *elect_rules_p_key      (ElectParamId id);

/* Empties the cache of resolved built-in profiles (rules.c): for tests
 * only, while no other thread uses the library. */
void         elect_rules_builtin_cache_clear (void);

/* part satisfies f of whole: part*den > num*whole (strict) or >=. */
static inline gboolean
elect_fraction_holds (ElectFraction f, gint64 part, gint64 whole)
{
  return f.strict ? part * f.den > f.num * whole
                  : part * f.den >= f.num * whole;
}

/* The least part that satisfies f of whole. */
static inline gint64
elect_fraction_least (ElectFraction f, gint64 whole)
{
  gint64 prod = f.num * whole;
  if (f.strict)
    return prod / f.den + 1;
  return (prod + f.den - 1) / f.den;
}

G_END_DECLS
