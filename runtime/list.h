/*
 * list: mutable sequences (over-allocating array of owned references).
 *
 * Invariants: 0 <= ob_size <= allocated; items[0..ob_size) are owned references
 * (NULL only transiently after list_new, before the caller fills them); growth follows
 * CPython's list_resize (newsize + newsize/8 + 6, rounded down to a multiple of 4), so
 * sys.getsizeof reports CPython-shaped numbers. While list.sort runs, the list is
 * emptied (items NULL, allocated -1) so that mutation from a key or __lt__ is detected
 * ("list modified during sort").
 */
#ifndef KITE_RUNTIME_LIST_H
#define KITE_RUNTIME_LIST_H

#include "vm/vm.h"

typedef struct ListObject {
  VarObject ob;          /* ob_size: number of items */
  Object **items;        /* heap block of `allocated` pointers */
  ssize_t allocated;
} ListObject;

#define LIST_ITEMS(l) (((ListObject *)(l))->items)
#define LIST_SIZE(l) (((VarObject *)(l))->ob_size)

/* New reference: a list of n NULL slots that the caller must fill through LIST_ITEMS
   (each store steals) before the list escapes. */
Object *list_new(VM *vm, ssize_t n);
/* Append item (borrowed). 0 or -1. */
int list_append(VM *vm, Object *list, Object *item);
/* Extend with any iterable. 0 or -1. */
int list_extend(VM *vm, Object *list, Object *iterable);
/* New reference: list(iterable). */
Object *list_from_iterable(VM *vm, Object *iterable);
/* New reference: a list of n borrowed items. */
Object *list_from_array(VM *vm, Object *const *items, ssize_t n);
/* Sort in place (stable, key may be NULL). 0 or -1. */
int list_sort(VM *vm, Object *list, Object *key, bool reverse);
/* New reference: tuple(list). */
Object *list_as_tuple(VM *vm, Object *list);

/* New reference: list[lo:hi] (clamped to the list). */
Object *list_slice(VM *vm, Object *list, ssize_t lo, ssize_t hi);
/* Insert item (borrowed) before index where (clamped like list.insert). 0 or -1. */
int list_insert(VM *vm, Object *list, ssize_t where, Object *item);

/* ---- shared by the container types ------------------------------------------ */

/* Py_ReprEnter: 0 if o is not being repr'd yet (it is now recorded: call repr_leave
   when done), 1 if it already is (emit "[...]" / "{...}"), -1 on MemoryError. The
   stack is a raw heap array of borrowed pointers in struct VM, freed when it empties,
   so a VM at rest holds nothing. */
int repr_enter(VM *vm, Object *o);
void repr_leave(VM *vm, Object *o);
/* New reference: self. tp_iter of every container iterator type. */
Object *list_iter_self(VM *vm, Object *self);
/* Set up an iterator type whose instances (size bytes, tracked) start with the
   header and one owned reference to the container they walk (NULL once exhausted):
   list, tuple and set iterators. Fills dealloc/traverse/clear/iter and the given
   next and methods. */
void list_seqiter_type_init(VM *vm, TypeObject *t, const char *name, size_t size,
                            Object *(*next)(VM *, Object *), const MethodDef *methods);
/* a == b for container searches (list item first, as CPython): identity, then two
   immediates compare by bits, else obj_richcompare_bool. 1, 0, -1. */
static inline int list_item_eq(VM *vm, Object *a, Object *b) {
  if (a == b) return 1;
  if (obj_is_small(a) && obj_is_small(b)) return 0;
  return obj_richcompare_bool(vm, a, b, CMP_EQ);
}

/* Initialises list, list_iterator and list_reverseiterator. */
void list_type_init(VM *vm);

#endif
