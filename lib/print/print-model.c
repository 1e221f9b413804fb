/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The input documents of the printed documents, read into plain models:
 * the candidate list (libelect.slate/1, or elect_slate_to_json()'s object),
 * the result (libelect.result/1, FORMATS.md §2) and the public roll (the
 * CSV of elect_roll_to_public_csv()). Errors name the JSON path or the CSV
 * line. Only GLib and json-glib: tests/fuzz/fuzz-print-input.c compiles
 * this file in. Members the reader does not use are ignored (the formats
 * grow by optional members). */
#include "config.h"
#include "print-private.h"

#include <json-glib/json-glib.h>
#include <string.h>

/* Inputs above these sizes are refused rather than printed. */
#define MAX_REASONS 100000
#define MAX_ROLL_ROWS 1000000
#define MAX_NAME_BYTES 1024

/* ---- JSON helpers ---------------------------------------------------------- */

typedef enum { T_STRING, T_INT, T_BOOL, T_ARRAY, T_OBJECT } JType;

static gboolean
type_error (const char *path, JType t, GError **error)
{
  switch (t)
    {
    case T_STRING:
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: expected a string"), path);
      break;
    case T_INT:
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("%s: expected a non-negative integer"), path);
      break;
    case T_BOOL:
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: expected true or false"), path);
      break;
    case T_ARRAY:
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: expected an array"), path);
      break;
    case T_OBJECT:
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s: expected an object"), path);
      break;
    }
  return FALSE;
}

static gboolean
node_is (JsonNode *n, JType t)
{
  if (n == NULL)
    return FALSE;
  switch (t)
    {
    case T_STRING:
      /* json-glib takes GScanner's octal escapes (\351), which can give
       * bytes that are not UTF-8: such a string is not text */
      return JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING
             && g_utf8_validate (json_node_get_string (n), -1, NULL);
    case T_INT:
      return JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_INT64
             && json_node_get_int (n) >= 0 && json_node_get_int (n) <= elect_count_max ();
    case T_BOOL:
      return JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_BOOLEAN;
    case T_ARRAY:
      return JSON_NODE_HOLDS_ARRAY (n);
    case T_OBJECT:
      return JSON_NODE_HOLDS_OBJECT (n);
    }
  return FALSE;
}

/* The member `name` of `o` (at `path`) of type t: *out is NULL when it is
 * absent (or null, with null_ok) and not required. */
static gboolean
member (JsonObject *o, const char *path, const char *name, JType t, gboolean required,
        gboolean null_ok, JsonNode **out, GError **error)
{
  JsonNode *n = json_object_get_member (o, name);
  g_autofree char *p = g_strdup_printf ("%s.%s", path, name);

  *out = NULL;
  if (n == NULL || (null_ok && JSON_NODE_HOLDS_NULL (n)))
    {
      if (required && n == NULL)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%s: the member is missing"), p);
          return FALSE;
        }
      return TRUE;
    }
  if (!node_is (n, t))
    return type_error (p, t, error);
  *out = n;
  return TRUE;
}

static gboolean
get_string (JsonObject *o, const char *path, const char *name, gboolean required,
            char **out, GError **error)
{
  JsonNode *n;
  if (!member (o, path, name, T_STRING, required, FALSE, &n, error))
    return FALSE;
  if (n && strlen (json_node_get_string (n)) > MAX_NAME_BYTES * 64)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT, _("%s.%s: the text is too long"),
                   path, name);
      return FALSE;
    }
  *out = n ? g_strdup (json_node_get_string (n)) : NULL;
  return TRUE;
}

static gboolean
get_int (JsonObject *o, const char *path, const char *name, gboolean required,
         gboolean null_ok, gint64 *out, GError **error)
{
  JsonNode *n;
  if (!member (o, path, name, T_INT, required, null_ok, &n, error))
    return FALSE;
  *out = n ? json_node_get_int (n) : -1;
  return TRUE;
}

static gboolean
get_bool (JsonObject *o, const char *path, const char *name, gboolean required,
          gboolean dflt, gboolean *out, GError **error)
{
  JsonNode *n;
  if (!member (o, path, name, T_BOOL, required, FALSE, &n, error))
    return FALSE;
  *out = n ? json_node_get_boolean (n) : dflt;
  return TRUE;
}

/* An array of names (non-empty strings of valid length) into a GPtrArray. */
static gboolean
get_names (JsonObject *o, const char *path, const char *name, gboolean required,
           guint max, GPtrArray **out, GError **error)
{
  JsonNode *n;
  JsonArray *a;
  g_autofree char *p = g_strdup_printf ("%s.%s", path, name);

  *out = g_ptr_array_new_with_free_func (g_free);
  if (!member (o, path, name, T_ARRAY, required, FALSE, &n, error))
    return FALSE;
  if (n == NULL)
    return TRUE;
  a = json_node_get_array (n);
  if (json_array_get_length (a) > max)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT, _("%s: more than %u names"), p, max);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *e = json_array_get_element (a, i);
      if (!node_is (e, T_STRING) || *json_node_get_string (e) == '\0'
          || strlen (json_node_get_string (e)) > MAX_NAME_BYTES)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%s[%u]: expected a name"), p, i);
          return FALSE;
        }
      g_ptr_array_add (*out, g_strdup (json_node_get_string (e)));
    }
  return TRUE;
}

static JsonNode *
parse_json (JsonParser *parser, const char *data, gssize length, GError **error)
{
  g_autoptr (GError) local = NULL;
  gsize len = length < 0 ? strlen (data) : (gsize) length;

  if (!g_utf8_validate (data, (gssize) len, NULL))
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE, _("The document is not valid UTF-8"));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local))
    {
      /* json-glib may quote a string cut in the middle of a character */
      g_autofree char *why = g_utf8_make_valid (local->message, -1);
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE, _("The document is not JSON: %s"), why);
      return NULL;
    }
  if (!node_is (json_parser_get_root (parser), T_OBJECT))
    {
      type_error ("$", T_OBJECT, error);
      return NULL;
    }
  return json_parser_get_root (parser);
}

/* ---- the candidate list -------------------------------------------------------- */

static void
nominee_free (gpointer p)
{
  PrintNominee *n = p;
  g_free (n->name);
  g_free (n->status);
  g_free (n);
}

static void
list_post_free (gpointer p)
{
  PrintListPost *post = p;
  g_free (post->id);
  g_free (post->title);
  g_free (post->kind);
  if (post->official)
    g_ptr_array_unref (post->official);
  if (post->nominees)
    g_ptr_array_unref (post->nominees);
  g_free (post);
}

void
print_list_free (PrintList *list)
{
  if (list == NULL)
    return;
  g_free (list->profile);
  g_free (list->name_order);
  if (list->posts)
    g_ptr_array_unref (list->posts);
  g_free (list);
}

static gboolean
read_list_post (JsonNode *node, const char *path, PrintListPost *post, GError **error)
{
  JsonObject *o;
  JsonNode *n;

  if (!node_is (node, T_OBJECT))
    return type_error (path, T_OBJECT, error);
  o = json_node_get_object (node);
  if (!get_string (o, path, "id", TRUE, &post->id, error)
      || !get_string (o, path, "title", FALSE, &post->title, error)
      || !get_string (o, path, "kind", FALSE, &post->kind, error)
      || !get_int (o, path, "seats", TRUE, FALSE, &post->seats, error)
      || !get_bool (o, path, "women_only", FALSE, FALSE, &post->women_only, error)
      || !get_names (o, path, "official", TRUE, elect_paper_max_candidates (),
                     &post->official, error))
    return FALSE;
  if (post->seats < 1)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s.seats: expected at least 1"),
                   path);
      return FALSE;
    }
  post->nominees = g_ptr_array_new_with_free_func (nominee_free);
  if (!member (o, path, "nominees", T_ARRAY, FALSE, FALSE, &n, error))
    return FALSE;
  if (n)
    {
      JsonArray *a = json_node_get_array (n);
      if (json_array_get_length (a) > 100000)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT, _("%s.nominees: too many nominees"),
                       path);
          return FALSE;
        }
      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          g_autofree char *p = g_strdup_printf ("%s.nominees[%u]", path, i);
          JsonNode *e = json_array_get_element (a, i);
          PrintNominee *nom = g_new0 (PrintNominee, 1);
          g_ptr_array_add (post->nominees, nom);
          if (!node_is (e, T_OBJECT))
            return type_error (p, T_OBJECT, error);
          if (!get_string (json_node_get_object (e), p, "name", TRUE, &nom->name, error)
              || !get_int (json_node_get_object (e), p, "votes", TRUE, FALSE, &nom->votes, error)
              || !get_string (json_node_get_object (e), p, "status", FALSE, &nom->status, error))
            return FALSE;
        }
    }
  return TRUE;
}

PrintList *
print_list_from_json (const char *data, gssize length, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (PrintList) list = g_new0 (PrintList, 1);
  JsonNode *root;
  JsonObject *o;
  const char *path = "$";
  JsonNode *n;

  g_return_val_if_fail (data != NULL, NULL);

  root = parse_json (parser, data, length, error);
  if (root == NULL)
    return NULL;
  o = json_node_get_object (root);
  if (json_object_has_member (o, "format"))
    {
      g_autofree char *format = NULL;
      if (!get_string (o, "$", "format", TRUE, &format, error))
        return NULL;
      if (strcmp (format, "libelect.slate/1") != 0)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("%s: expected “%s”"), "$.format", "libelect.slate/1");
          return NULL;
        }
      if (!get_string (o, "$", "profile", FALSE, &list->profile, error)
          || !get_string (o, "$", "name_order", FALSE, &list->name_order, error)
          || !member (o, "$", "nomination", T_OBJECT, TRUE, FALSE, &n, error))
        return NULL;
      o = json_node_get_object (n);
      path = "$.nomination";
    }
  if (!get_bool (o, path, "valid", FALSE, TRUE, &list->valid, error)
      || !member (o, path, "posts", T_ARRAY, TRUE, FALSE, &n, error))
    return NULL;

  list->posts = g_ptr_array_new_with_free_func (list_post_free);
  JsonArray *posts = json_node_get_array (n);
  if (json_array_get_length (posts) > elect_paper_max_contests ())
    {
      g_autofree char *p = g_strdup_printf ("%s.posts", path);
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT, _("%s: more than %u posts"),
                   p, elect_paper_max_contests ());
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (posts); i++)
    {
      g_autofree char *p = g_strdup_printf ("%s.posts[%u]", path, i);
      PrintListPost *post = g_new0 (PrintListPost, 1);
      g_ptr_array_add (list->posts, post);
      if (!read_list_post (json_array_get_element (posts, i), p, post, error))
        return NULL;
    }
  return g_steal_pointer (&list);
}

/* ---- the result ------------------------------------------------------------------ */

static void
res_candidate_free (gpointer p)
{
  PrintResCandidate *c = p;
  g_free (c->name);
  g_free (c->status);
  g_free (c);
}

static void
res_contest_free (gpointer p)
{
  PrintResContest *c = p;
  g_free (c->id);
  g_free (c->title);
  g_free (c->action);
  if (c->elected)
    g_ptr_array_unref (c->elected);
  if (c->next_candidates)
    g_ptr_array_unref (c->next_candidates);
  if (c->candidates)
    g_ptr_array_unref (c->candidates);
  g_free (c);
}

static void
res_reason_free (gpointer p)
{
  PrintResReason *r = p;
  g_free (r->code);
  g_free (r->message);
  g_free (r->citation);
  g_free (r);
}

void
print_result_free (PrintResult *result)
{
  if (result == NULL)
    return;
  g_free (result->profile);
  g_free (result->round);
  if (result->contests)
    g_ptr_array_unref (result->contests);
  if (result->reasons)
    g_ptr_array_unref (result->reasons);
  g_free (result);
}

static gboolean
read_res_contest (JsonNode *node, const char *path, PrintResContest *c, GError **error)
{
  JsonObject *o, *next;
  JsonNode *n;
  g_autofree char *npath = g_strdup_printf ("%s.next", path);

  if (!node_is (node, T_OBJECT))
    return type_error (path, T_OBJECT, error);
  o = json_node_get_object (node);
  if (!get_string (o, path, "id", TRUE, &c->id, error)
      || !get_string (o, path, "title", FALSE, &c->title, error)
      || !get_int (o, path, "seats", TRUE, FALSE, &c->seats, error)
      || !get_int (o, path, "threshold", TRUE, FALSE, &c->threshold, error)
      || !get_names (o, path, "elected", TRUE, elect_paper_max_candidates (), &c->elected, error)
      || !get_int (o, path, "unfilled", TRUE, FALSE, &c->unfilled, error)
      || !get_int (o, path, "abstentions", FALSE, FALSE, &c->abstentions, error)
      || !member (o, path, "next", T_OBJECT, TRUE, FALSE, &n, error))
    return FALSE;
  if (c->title == NULL)
    c->title = g_strdup (c->id);
  next = json_node_get_object (n);
  if (!get_string (next, npath, "action", TRUE, &c->action, error)
      || !get_int (next, npath, "seats", FALSE, FALSE, &c->next_seats, error)
      || !get_names (next, npath, "candidates", FALSE, elect_paper_max_candidates (),
                     &c->next_candidates, error)
      || !get_bool (next, npath, "women_seat", FALSE, FALSE, &c->women_seat, error))
    return FALSE;

  c->candidates = g_ptr_array_new_with_free_func (res_candidate_free);
  if (!member (o, path, "candidates", T_ARRAY, TRUE, FALSE, &n, error))
    return FALSE;
  JsonArray *a = json_node_get_array (n);
  /* Listed candidates and write-ins. */
  if (json_array_get_length (a) > 4 * elect_paper_max_candidates ())
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT, _("%s.candidates: too many candidates"),
                   path);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      g_autofree char *p = g_strdup_printf ("%s.candidates[%u]", path, i);
      JsonNode *e = json_array_get_element (a, i);
      PrintResCandidate *cand = g_new0 (PrintResCandidate, 1);
      g_ptr_array_add (c->candidates, cand);
      if (!node_is (e, T_OBJECT))
        return type_error (p, T_OBJECT, error);
      JsonObject *co = json_node_get_object (e);
      if (!get_string (co, p, "name", TRUE, &cand->name, error)
          || !get_int (co, p, "votes", TRUE, FALSE, &cand->votes, error)
          || !get_string (co, p, "status", TRUE, &cand->status, error)
          || !get_bool (co, p, "write_in", FALSE, FALSE, &cand->write_in, error))
        return FALSE;
      if (*cand->name == '\0')
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("%s.name: expected a name"), p);
          return FALSE;
        }
    }
  return TRUE;
}

PrintResult *
print_result_from_json (const char *data, gssize length, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (PrintResult) r = g_new0 (PrintResult, 1);
  g_autofree char *format = NULL;
  JsonNode *root, *n;
  JsonObject *o, *q;

  g_return_val_if_fail (data != NULL, NULL);

  root = parse_json (parser, data, length, error);
  if (root == NULL)
    return NULL;
  o = json_node_get_object (root);
  if (!get_string (o, "$", "format", TRUE, &format, error))
    return NULL;
  if (strcmp (format, "libelect.result/1") != 0)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                   _("%s: expected “%s”"), "$.format", "libelect.result/1");
      return NULL;
    }
  if (!get_string (o, "$", "profile", TRUE, &r->profile, error)
      || !get_string (o, "$", "round", FALSE, &r->round, error)
      || !get_bool (o, "$", "valid", TRUE, FALSE, &r->valid, error)
      || !get_int (o, "$", "electorate", TRUE, FALSE, &r->electorate, error)
      || !get_int (o, "$", "ballots_issued", FALSE, FALSE, &r->issued, error)
      || !get_int (o, "$", "present", FALSE, FALSE, &r->present, error)
      || !get_int (o, "$", "ballots_returned", TRUE, FALSE, &r->returned, error)
      || !get_int (o, "$", "ballots_valid", TRUE, FALSE, &r->ballots_valid, error)
      || !get_int (o, "$", "ballots_invalid", TRUE, FALSE, &r->ballots_invalid, error)
      || !member (o, "$", "quorum", T_OBJECT, TRUE, FALSE, &n, error))
    return NULL;
  if (r->round == NULL)
    r->round = g_strdup ("regular");
  q = json_node_get_object (n);
  if (!get_int (q, "$.quorum", "required", TRUE, TRUE, &r->quorum_required, error)
      || !get_int (q, "$.quorum", "actual", TRUE, FALSE, &r->quorum_actual, error)
      || !get_bool (q, "$.quorum", "met", TRUE, FALSE, &r->quorum_met, error)
      || !member (o, "$", "contests", T_ARRAY, TRUE, FALSE, &n, error))
    return NULL;

  r->contests = g_ptr_array_new_with_free_func (res_contest_free);
  JsonArray *a = json_node_get_array (n);
  if (json_array_get_length (a) > elect_paper_max_contests ())
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT, _("%s: more than %u posts"),
                   "$.contests", elect_paper_max_contests ());
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      g_autofree char *p = g_strdup_printf ("$.contests[%u]", i);
      PrintResContest *c = g_new0 (PrintResContest, 1);
      g_ptr_array_add (r->contests, c);
      if (!read_res_contest (json_array_get_element (a, i), p, c, error))
        return NULL;
    }

  r->reasons = g_ptr_array_new_with_free_func (res_reason_free);
  if (!member (o, "$", "reasons", T_ARRAY, FALSE, FALSE, &n, error))
    return NULL;
  if (n)
    {
      a = json_node_get_array (n);
      if (json_array_get_length (a) > MAX_REASONS)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT, _("%s: too many reasons"),
                       "$.reasons");
          return NULL;
        }
      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          g_autofree char *p = g_strdup_printf ("$.reasons[%u]", i);
          JsonNode *e = json_array_get_element (a, i);
          PrintResReason *reason = g_new0 (PrintResReason, 1);
          g_ptr_array_add (r->reasons, reason);
          if (!node_is (e, T_OBJECT))
            {
              type_error (p, T_OBJECT, error);
              return NULL;
            }
          if (!get_string (json_node_get_object (e), p, "code", TRUE, &reason->code, error)
              || !get_string (json_node_get_object (e), p, "message", FALSE, &reason->message, error)
              || !get_string (json_node_get_object (e), p, "citation", FALSE, &reason->citation,
                              error))
            return NULL;
        }
    }
  return g_steal_pointer (&r);
}

/* ---- the public roll --------------------------------------------------------------- */

static void
roll_person_free (gpointer p)
{
  PrintRollPerson *person = p;
  g_free (person->name);
  g_free (person->id_masked);
  g_free (person);
}

static void
roll_group_free (gpointer p)
{
  PrintRollGroup *g = p;
  g_free (g->name);
  if (g->people)
    g_ptr_array_unref (g->people);
  g_free (g);
}

void
print_roll_list_free (PrintRollList *list)
{
  if (list == NULL)
    return;
  if (list->groups)
    g_ptr_array_unref (list->groups);
  g_free (list);
}

static gint
group_cmp (gconstpointer pa, gconstpointer pb)
{
  const PrintRollGroup *a = *(PrintRollGroup *const *) pa, *b = *(PrintRollGroup *const *) pb;
  return elect_group_compare (a->name, b->name);
}

/* One RFC 4180 record from *pos: 1, or 0 at the end of the data, or -1
 * with error set. */
static int
csv_record (const char *data, gsize len, gsize *pos, guint line, GPtrArray *fields,
            guint *lines, GError **error)
{
  GString *f = g_string_new (NULL);
  gsize i = *pos;

  g_ptr_array_set_size (fields, 0);
  *lines = 1;
  if (i >= len)
    {
      g_string_free (f, TRUE);
      return 0;
    }
  for (;;)
    {
      if (i < len && data[i] == '"' && f->len == 0)
        {
          i++;
          for (;;)
            {
              if (i >= len)
                {
                  g_string_free (f, TRUE);
                  g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                               _("line %u: a quoted field is not closed"), line);
                  return -1;
                }
              if (data[i] == '"')
                {
                  if (i + 1 < len && data[i + 1] == '"')
                    {
                      g_string_append_c (f, '"');
                      i += 2;
                      continue;
                    }
                  i++;
                  break;
                }
              if (data[i] == '\n')
                (*lines)++;
              g_string_append_c (f, data[i++]);
            }
        }
      while (i < len && data[i] != ',' && data[i] != '\n' && data[i] != '\r')
        {
          if (data[i] == '"')
            {
              g_string_free (f, TRUE);
              g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE,
                           _("line %u: a quote inside an unquoted field"), line);
              return -1;
            }
          g_string_append_c (f, data[i++]);
        }
      g_ptr_array_add (fields, g_strdup (f->str));
      g_string_truncate (f, 0);
      if (i < len && data[i] == ',')
        {
          i++;
          continue;
        }
      if (i < len && data[i] == '\r')
        i++;
      if (i < len && data[i] == '\n')
        i++;
      break;
    }
  g_string_free (f, TRUE);
  *pos = i;
  return 1;
}

PrintRollList *
print_roll_list_from_csv (const char *data, gssize length, GError **error)
{
  static const char *const header[] = { "group", "name", "sex", "id_masked" };
  g_autoptr (PrintRollList) list = g_new0 (PrintRollList, 1);
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  gsize len, pos = 0;
  guint line = 1, lines = 1;
  int rc;

  g_return_val_if_fail (data != NULL, NULL);

  len = length < 0 ? strlen (data) : (gsize) length;
  if (!g_utf8_validate (data, (gssize) len, NULL) || memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, ELECT_ERROR, ELECT_ERROR_PARSE, _("The document is not valid UTF-8"));
      return NULL;
    }
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    pos = 3;
  list->groups = g_ptr_array_new_with_free_func (roll_group_free);

  rc = csv_record (data, len, &pos, line, fields, &lines, error);
  if (rc < 0)
    return NULL;
  if (rc == 0 || fields->len != G_N_ELEMENTS (header))
    goto bad_header;
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    if (strcmp (g_ptr_array_index (fields, i), header[i]) != 0)
      goto bad_header;
  line += lines;

  while ((rc = csv_record (data, len, &pos, line, fields, &lines, error)) > 0)
    {
      const char *group, *name, *sex, *id;
      PrintRollGroup *g;
      PrintRollPerson *person;

      if (fields->len == 1 && *(char *) g_ptr_array_index (fields, 0) == '\0')
        {
          line += lines;
          continue;   /* an empty line */
        }
      if (fields->len != G_N_ELEMENTS (header))
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("line %u: expected %u fields, found %u"), line,
                       (guint) G_N_ELEMENTS (header), fields->len);
          return NULL;
        }
      if (list->n_people >= MAX_ROLL_ROWS)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_LIMIT, _("line %u: more than %u people"),
                       line, (guint) MAX_ROLL_ROWS);
          return NULL;
        }
      group = g_ptr_array_index (fields, 0);
      name = g_ptr_array_index (fields, 1);
      sex = g_ptr_array_index (fields, 2);
      id = g_ptr_array_index (fields, 3);
      if (*name == '\0' || strlen (name) > MAX_NAME_BYTES || strlen (group) > MAX_NAME_BYTES)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID, _("line %u: expected a name"),
                       line);
          return NULL;
        }
      if (strcmp (sex, "male") != 0 && strcmp (sex, "female") != 0 && *sex != '\0')
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("line %u: sex must be male, female or empty"), line);
          return NULL;
        }
      /* The safety net of RULES.md §4.4: never a full ID number on paper. */
      if (strchr (id, '*') == NULL || strlen (id) > 32)
        {
          g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
                       _("line %u: the ID number is not masked"), line);
          return NULL;
        }
      g = g_hash_table_lookup (by_name, group);
      if (g == NULL)
        {
          g = g_new0 (PrintRollGroup, 1);
          g->name = g_strdup (group);
          g->people = g_ptr_array_new_with_free_func (roll_person_free);
          g_ptr_array_add (list->groups, g);
          g_hash_table_insert (by_name, g->name, g);
        }
      person = g_new0 (PrintRollPerson, 1);
      person->name = g_strdup (name);
      person->id_masked = g_strdup (id);
      person->sex = *sex == 'm' ? ELECT_SEX_MALE : *sex == 'f' ? ELECT_SEX_FEMALE
                                                                : ELECT_SEX_UNKNOWN;
      g_ptr_array_add (g->people, person);
      list->n_people++;
      if (person->sex == ELECT_SEX_MALE)
        {
          g->male++;
          list->male++;
        }
      else if (person->sex == ELECT_SEX_FEMALE)
        {
          g->female++;
          list->female++;
        }
      line += lines;
    }
  if (rc < 0)
    return NULL;
  g_ptr_array_sort (list->groups, group_cmp);
  return g_steal_pointer (&list);

bad_header:
  g_set_error (error, ELECT_ERROR, ELECT_ERROR_INVALID,
               _("line 1: expected the header %s"), "group,name,sex,id_masked");
  return NULL;
}
