/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <stddef.h>

typedef struct {
  const char *name;
  const char *text;
} ElectBuiltinProfile;

/* Generated from the data/profiles key files by tools/gen-tables.py, sorted by name. */
extern const ElectBuiltinProfile elect_builtin_profiles[];
extern const char *const elect_builtin_profile_names[];
extern const unsigned elect_n_builtin_profiles;
