/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Layout arithmetic of the printed documents: flowing blocks onto pages,
 * grids of cells, the largest type scale that fits, the slots of the public
 * roll. Pure functions of numbers (no Pango, no Cairo): unit-tested in
 * tests/print/test-print-layout.c. */
#include "config.h"
#include "print-private.h"

#include <math.h>

/* Heights are in points; a block "fits" when it ends within a hundredth of
 * a point of the bottom (measured heights carry rounding noise). */
#define EPS 0.01

guint
print_flow (const PrintBlock *blocks, guint n, double first_avail, double avail,
            guint *out_page, double *out_y)
{
  guint page = 0;
  double y = 0;

  g_return_val_if_fail (n == 0 || (blocks && out_page && out_y), 0);

  for (guint i = 0; i < n; i++)
    {
      double room = page == 0 ? first_avail : avail;
      if (y > 0 && y + blocks[i].height > room + EPS)
        {
          /* Take along the blocks kept with this one, unless the chain
           * already starts the page (then only this block moves). */
          guint j = i;
          while (j > 0 && blocks[j - 1].keep_with_next && out_page[j - 1] == page)
            j--;
          if (j < i && out_y[j] > 0)
            i = j;
          page++;
          y = 0;
        }
      out_page[i] = page;
      out_y[i] = y;
      y += blocks[i].height;
    }
  return page + 1;
}

guint
print_grid_columns (double avail_w, double cell_w, guint n_cells)
{
  guint cols;

  g_return_val_if_fail (cell_w > 0, 1);
  cols = avail_w + EPS >= cell_w ? (guint) floor ((avail_w + EPS) / cell_w) : 1;
  if (cols == 0)
    cols = 1;
  if (n_cells > 0 && cols > n_cells)
    cols = n_cells;
  return cols;
}

guint
print_grid_rows (guint n_cells, guint cols)
{
  g_return_val_if_fail (cols > 0, 0);
  return (n_cells + cols - 1) / cols;
}

double
print_fit_scale (PrintPagesAt pages_at, gpointer data, guint max_pages,
                 double s_max, double s_min, double step, gboolean *out_fits)
{
  g_return_val_if_fail (pages_at != NULL && step > 0 && s_min <= s_max, s_min);

  /* Count the steps with integers, so that s_min itself is tried. */
  guint n = (guint) floor ((s_max - s_min) / step + 1e-9);
  for (guint k = 0; k <= n; k++)
    {
      double s = s_max - k * step;
      if (pages_at (s, data) <= max_pages)
        {
          if (out_fits)
            *out_fits = TRUE;
          return s;
        }
    }
  if (out_fits)
    *out_fits = FALSE;
  return s_min;
}

typedef struct {
  GArray *slots;
  guint rows_first, rows, columns;
  guint page, column, row;
} RollFlow;

static guint
column_rows (const RollFlow *f)
{
  return f->page == 0 ? f->rows_first : f->rows;
}

static void
next_column (RollFlow *f)
{
  f->row = 0;
  if (++f->column == f->columns)
    {
      f->column = 0;
      f->page++;
    }
}

static void
put (RollFlow *f, PrintRollKind kind, guint group, guint person)
{
  PrintRollSlot s = { kind, group, person, f->page, f->column, f->row };
  g_array_append_val (f->slots, s);
  if (++f->row == column_rows (f))
    next_column (f);
}

GArray *
print_roll_flow (const guint *group_sizes, guint n_groups, guint rows_first,
                 guint rows, guint columns, guint *out_pages)
{
  RollFlow f = { NULL, MAX (rows_first, 3), MAX (rows, 3), MAX (columns, 1), 0, 0, 0 };

  g_return_val_if_fail (n_groups == 0 || group_sizes != NULL, NULL);

  f.slots = g_array_new (FALSE, FALSE, sizeof (PrintRollSlot));
  for (guint g = 0; g < n_groups; g++)
    {
      /* A heading in a column's last row would stand alone: next column. */
      if (f.row + 1 >= column_rows (&f))
        next_column (&f);
      put (&f, PRINT_ROLL_GROUP, g, 0);
      for (guint p = 0; p <= group_sizes[g]; p++)
        {
          if (f.row == 0)
            put (&f, PRINT_ROLL_CONTINUED, g, 0);
          if (p < group_sizes[g])
            put (&f, PRINT_ROLL_PERSON, g, p);
          else
            put (&f, PRINT_ROLL_GROUP_TOTAL, g, 0);
        }
    }
  put (&f, PRINT_ROLL_TOTAL, 0, 0);
  if (out_pages)
    {
      const PrintRollSlot *last = &g_array_index (f.slots, PrintRollSlot, f.slots->len - 1);
      *out_pages = last->page + 1;
    }
  return f.slots;
}
