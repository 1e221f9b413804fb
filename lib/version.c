/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "config.h"
#include "elect/elect.h"

const char *
elect_version_string (void)
{
  return ELECT_VERSION_STRING;
}

void
elect_version (int *out_major, int *out_minor, int *out_micro)
{
  if (out_major)
    *out_major = ELECT_MAJOR_VERSION;
  if (out_minor)
    *out_minor = ELECT_MINOR_VERSION;
  if (out_micro)
    *out_micro = ELECT_MICRO_VERSION;
}

const char *
elect_check_version (int major, int minor, int micro)
{
  if (major != ELECT_MAJOR_VERSION)
    return "libelect major version mismatch";
  if (ELECT_MINOR_VERSION < minor ||
      (ELECT_MINOR_VERSION == minor && ELECT_MICRO_VERSION < micro))
    return "libelect version too old";
  return NULL;
}

GQuark
elect_error_quark (void)
{
  return g_quark_from_static_string ("elect-error-quark");
}
