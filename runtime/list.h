/*
 * list: mutable sequences (over-allocating array of owned references).
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

void list_type_init(VM *vm);

#endif
