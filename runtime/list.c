/*
 * list: CPython 3.11's list (Objects/listobject.c) on Kite's heap.
 *
 * Storage: items is a heap block of `allocated` pointers, grown with CPython's
 * over-allocation so that append is amortised O(1) and sys.getsizeof matches the
 * shape of CPython's numbers. Every item is an owned reference; immediates (small
 * ints) are stored as they are and never dereferenced.
 *
 * Mutation safety: any call out to Python code (comparison, repr, key functions) may
 * mutate the list, so loops re-read ob_size and items on every iteration and hold a
 * reference to the item being compared.
 *
 * Sorting: a stable bottom-up merge sort with binary insertion sort on runs of 32,
 * skipping merges of runs already in order (so sorted input costs n-1 comparisons).
 * Keys of one simple type (all immediates, all floats, all exact strs) are compared
 * directly instead of through obj_richcompare_bool, like CPython's
 * unsafe_*_compare fast paths. reverse=True reverses before and after a stable sort,
 * which keeps equal elements in their original order, as CPython does.
 *
 * Also here: the repr recursion guard shared by every container (repr_enter).
 */
#include "runtime/list.h"

#include <limits.h>
#include <string.h>

#include "runtime/exc.h"
#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/slice.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"

typedef struct ListIterObject {
  Object ob;
  Object *seq;      /* NULL once exhausted */
  ssize_t index;
} ListIterObject;

/* ======================================================================== */
/* repr recursion guard                                                     */
/* ======================================================================== */

int repr_enter(VM *vm, Object *o) {
  for (int i = vm->repr_depth - 1; i >= 0; i--)
    if (vm->repr_stack[i] == o) return 1;
  if (vm->repr_depth == vm->repr_cap) {
    int ncap = vm->repr_cap ? vm->repr_cap * 2 : 8;
    Object **n = vm->repr_stack
                     ? heap_realloc(vm, vm->repr_stack, sizeof(Object *) * (size_t)vm->repr_cap,
                                    sizeof(Object *) * (size_t)ncap)
                     : heap_alloc(vm, sizeof(Object *) * (size_t)ncap);
    if (!n) return -1;
    vm->repr_stack = n;
    vm->repr_cap = ncap;
  }
  vm->repr_stack[vm->repr_depth++] = o;
  return 0;
}

void repr_leave(VM *vm, Object *o) {
  /* Normally o is on top; search anyway so an unbalanced leave cannot corrupt. */
  for (int i = vm->repr_depth - 1; i >= 0; i--) {
    if (vm->repr_stack[i] == o) {
      memmove(&vm->repr_stack[i], &vm->repr_stack[i + 1],
              sizeof(Object *) * (size_t)(vm->repr_depth - i - 1));
      vm->repr_depth--;
      break;
    }
  }
  if (vm->repr_depth == 0 && vm->repr_stack) {
    heap_free(vm, vm->repr_stack, sizeof(Object *) * (size_t)vm->repr_cap);
    vm->repr_stack = NULL;
    vm->repr_cap = 0;
  }
}

Object *list_iter_self(VM *vm, Object *self) { return obj_newref(self); }

/* ======================================================================== */
/* storage                                                                  */
/* ======================================================================== */

#define L(o) ((ListObject *)(o))

/* Make room for newsize items (ob_size is set to newsize; new slots are garbage).
   CPython's growth pattern. 0 or -1 (MemoryError, list unchanged). */
static int list_resize(VM *vm, ListObject *l, ssize_t newsize) {
  ssize_t allocated = l->allocated;
  if (allocated >= newsize && newsize >= (allocated >> 1)) {
    l->ob.ob_size = newsize;
    return 0;
  }
  size_t new_alloc = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
  if ((size_t)(newsize - l->ob.ob_size) > new_alloc - (size_t)newsize)
    new_alloc = ((size_t)newsize + 3) & ~(size_t)3;
  if (newsize == 0) new_alloc = 0;
  if (new_alloc > (size_t)SSIZE_MAX / sizeof(Object *)) {
    exc_no_memory(vm);
    return -1;
  }
  Object **items;
  size_t oldbytes = sizeof(Object *) * (size_t)(allocated > 0 ? allocated : 0);
  size_t newbytes = sizeof(Object *) * new_alloc;
  if (newbytes == 0) {
    if (l->items) heap_free(vm, l->items, oldbytes);
    items = NULL;
  } else if (l->items && oldbytes) {
    items = heap_realloc(vm, l->items, oldbytes, newbytes);
    if (!items) return -1;
  } else {
    items = heap_alloc(vm, newbytes);
    if (!items) return -1;
  }
  l->items = items;
  l->ob.ob_size = newsize;
  l->allocated = (ssize_t)new_alloc;
  return 0;
}

/* Exactly n slots, for lists whose final size is known. */
static int list_prealloc_exact(VM *vm, ListObject *l, ssize_t n) {
  if (n <= l->allocated) return 0;
  size_t oldbytes = sizeof(Object *) * (size_t)l->allocated;
  Object **items = l->items ? heap_realloc(vm, l->items, oldbytes, sizeof(Object *) * (size_t)n)
                            : heap_alloc(vm, sizeof(Object *) * (size_t)n);
  if (!items) return -1;
  l->items = items;
  l->allocated = n;
  return 0;
}

static Object *list_alloc_type(VM *vm, TypeObject *type, ssize_t n) {
  if (n < 0 || (size_t)n > (size_t)SSIZE_MAX / sizeof(Object *)) return exc_no_memory(vm);
  ListObject *l = (ListObject *)obj_alloc(vm, type, 0);
  if (!l) return NULL;
  if (n > 0) {
    l->items = heap_calloc(vm, sizeof(Object *) * (size_t)n);
    if (!l->items) {
      obj_free(vm, &l->ob.ob_base, type_instance_size(type, 0));
      return NULL;
    }
  }
  l->ob.ob_size = n;
  l->allocated = n;
  gc_track(vm, &l->ob.ob_base);
  return &l->ob.ob_base;
}

Object *list_new(VM *vm, ssize_t n) { return list_alloc_type(vm, &vm->list_type, n); }

int list_append(VM *vm, Object *list, Object *item) {
  ListObject *l = L(list);
  ssize_t n = l->ob.ob_size;
  if (n < l->allocated) {
    l->items[n] = obj_newref(item);
    l->ob.ob_size = n + 1;
    return 0;
  }
  if (list_resize(vm, l, n + 1) < 0) return -1;
  l->items[n] = obj_newref(item);
  return 0;
}

int list_extend(VM *vm, Object *list, Object *iterable) {
  ListObject *l = L(list);
  if (LIST_CHECK(vm, iterable) || TUPLE_CHECK(vm, iterable)) {
    bool is_list = LIST_CHECK(vm, iterable);
    ssize_t n = is_list ? LIST_SIZE(iterable) : TUPLE_SIZE(iterable);
    if (n == 0) return 0;
    ssize_t m = l->ob.ob_size;
    if (list_resize(vm, l, m + n) < 0) return -1;
    /* Re-read the source after the resize: l.extend(l) reads the grown block. */
    Object **src = is_list ? LIST_ITEMS(iterable) : TUPLE_ITEMS(iterable);
    for (ssize_t i = 0; i < n; i++) l->items[m + i] = obj_newref(src[i]);
    return 0;
  }
  Object *it = obj_iter(vm, iterable);
  if (!it) return -1;
  TypeObject *it_type = obj_type(vm, it);
  Object *(*next)(VM *, Object *) = it_type->tp_iternext;
  Object *x;
  for (;;) {
    x = next ? next(vm, it) : obj_next(vm, it);
    if (!x) break;
    ssize_t n = l->ob.ob_size;
    if (n < l->allocated) {
      l->items[n] = x;   /* steals */
      l->ob.ob_size = n + 1;
    } else {
      if (list_resize(vm, l, n + 1) < 0) {
        obj_decref(vm, x);
        obj_decref(vm, it);
        return -1;
      }
      l->items[n] = x;
    }
  }
  obj_decref(vm, it);
  if (exc_occurred(vm)) {
    /* A Python __next__ signals the end with StopIteration. */
    if (!next || !exc_matches(vm, &vm->exc_StopIteration)) return -1;
    exc_clear(vm);
  }
  return 0;
}

Object *list_from_iterable(VM *vm, Object *iterable) {
  Object *l = list_new(vm, 0);
  if (!l) return NULL;
  if (list_extend(vm, l, iterable) < 0) {
    obj_decref(vm, l);
    return NULL;
  }
  return l;
}

Object *list_from_array(VM *vm, Object *const *items, ssize_t n) {
  Object *l = list_new(vm, n);
  if (!l) return NULL;
  for (ssize_t i = 0; i < n; i++) LIST_ITEMS(l)[i] = obj_newref(items[i]);
  return l;
}

Object *list_as_tuple(VM *vm, Object *list) {
  return tuple_from_array(vm, LIST_ITEMS(list), LIST_SIZE(list));
}

Object *list_slice(VM *vm, Object *list, ssize_t lo, ssize_t hi) {
  ssize_t n = LIST_SIZE(list);
  if (lo < 0) lo = 0;
  if (hi > n) hi = n;
  if (hi < lo) hi = lo;
  return list_from_array(vm, LIST_ITEMS(list) + lo, hi - lo);
}

int list_insert(VM *vm, Object *list, ssize_t where, Object *item) {
  ListObject *l = L(list);
  ssize_t n = l->ob.ob_size;
  if (list_resize(vm, l, n + 1) < 0) return -1;
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  memmove(&l->items[where + 1], &l->items[where], sizeof(Object *) * (size_t)(n - where));
  l->items[where] = obj_newref(item);
  return 0;
}

/* Drop every item; the list may be re-entered by a destructor while this runs, so
   it is emptied before anything is released. */
static void list_clear_items(VM *vm, ListObject *l) {
  Object **items = l->items;
  ssize_t n = l->ob.ob_size, alloc = l->allocated;
  if (!items) return;
  l->items = NULL;
  l->ob.ob_size = 0;
  l->allocated = 0;
  while (--n >= 0) obj_xdecref(vm, items[n]);
  heap_free(vm, items, sizeof(Object *) * (size_t)alloc);
}

/* ======================================================================== */
/* lifecycle slots                                                          */
/* ======================================================================== */

static void list_dealloc(VM *vm, Object *self) {
  gc_untrack(vm, self);
  list_clear_items(vm, L(self));
  obj_free(vm, self, type_instance_size(self->ob_type, 0));
}

static int list_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  ListObject *l = L(self);
  for (ssize_t i = l->ob.ob_size; --i >= 0;) {
    Object *o = l->items[i];
    if (o && !obj_is_small(o)) {
      int r = visit(vm, o, arg);
      if (r) return r;
    }
  }
  return 0;
}

static int list_tp_clear(VM *vm, Object *self) {
  list_clear_items(vm, L(self));
  return 0;
}

static Object *list_tp_new(VM *vm, TypeObject *type, Object *const *args, size_t nargs,
                           Object *kwnames) {
  return list_alloc_type(vm, type, 0);
}

static int list_tp_init(VM *vm, Object *self, Object *const *args, size_t nargs,
                        Object *kwnames) {
  if (self->ob_type == &vm->list_type && arg_no_kw(vm, "list", kwnames) < 0) return -1;
  if (arg_count(vm, "list", nargs, 0, 1) < 0) return -1;
  if (LIST_SIZE(self)) list_clear_items(vm, L(self));
  if (nargs == 0) return 0;
  Object *src = args[0];
  if (LIST_CHECK(vm, src) || TUPLE_CHECK(vm, src)) {
    ssize_t n = LIST_CHECK(vm, src) ? LIST_SIZE(src) : TUPLE_SIZE(src);
    if (list_prealloc_exact(vm, L(self), n) < 0) return -1;
  }
  return list_extend(vm, self, src);
}

/* ======================================================================== */
/* protocol slots                                                           */
/* ======================================================================== */

static Object *list_repr(VM *vm, Object *self) {
  if (LIST_SIZE(self) == 0) return str_from_cstr(vm, "[]");
  int rc = repr_enter(vm, self);
  if (rc != 0) return rc > 0 ? str_from_cstr(vm, "[...]") : NULL;
  StrBuf b;
  strbuf_init(&b);
  strbuf_append_char(vm, &b, '[');
  for (ssize_t i = 0; i < LIST_SIZE(self); i++) {
    if (i) strbuf_append(vm, &b, ", ", 2);
    Object *item = obj_newref(LIST_ITEMS(self)[i]);
    Object *r = obj_repr(vm, item);
    obj_decref(vm, item);
    if (!r) {
      strbuf_discard(vm, &b);
      repr_leave(vm, self);
      return NULL;
    }
    strbuf_append_str(vm, &b, r);
    obj_decref(vm, r);
  }
  strbuf_append_char(vm, &b, ']');
  repr_leave(vm, self);
  return strbuf_finish(vm, &b);
}

static ssize_t list_len(VM *vm, Object *self) { return LIST_SIZE(self); }

static int list_contains(VM *vm, Object *self, Object *x) {
  for (ssize_t i = 0; i < LIST_SIZE(self); i++) {
    Object *item = LIST_ITEMS(self)[i];
    if (item == x) return 1;
    if (obj_is_small(item) && obj_is_small(x)) continue;
    obj_incref(item);
    int r = obj_richcompare_bool(vm, item, x, CMP_EQ);
    obj_decref(vm, item);
    if (r != 0) return r;
  }
  return 0;
}

/* Shared by list and tuple: lexicographic comparison of two item arrays, re-reading
   the arrays through the accessor after every call out. */
static Object *list_richcompare(VM *vm, Object *a, Object *b, int op) {
  if (!LIST_CHECK(vm, a) || !LIST_CHECK(vm, b)) return obj_newref(VM_NOTIMPL(vm));
  if (LIST_SIZE(a) != LIST_SIZE(b) && (op == CMP_EQ || op == CMP_NE))
    return vm_bool(vm, op == CMP_NE);
  ssize_t i;
  for (i = 0; i < LIST_SIZE(a) && i < LIST_SIZE(b); i++) {
    Object *x = LIST_ITEMS(a)[i], *y = LIST_ITEMS(b)[i];
    if (x == y) continue;
    obj_incref(x);
    obj_incref(y);
    int k = obj_richcompare_bool(vm, x, y, CMP_EQ);
    obj_decref(vm, x);
    obj_decref(vm, y);
    if (k < 0) return NULL;
    if (!k) break;
  }
  if (i >= LIST_SIZE(a) || i >= LIST_SIZE(b)) {
    ssize_t na = LIST_SIZE(a), nb = LIST_SIZE(b);
    bool r;
    switch (op) {
    case CMP_LT: r = na < nb; break;
    case CMP_LE: r = na <= nb; break;
    case CMP_EQ: r = na == nb; break;
    case CMP_NE: r = na != nb; break;
    case CMP_GT: r = na > nb; break;
    default: r = na >= nb; break;
    }
    return vm_bool(vm, r);
  }
  if (op == CMP_EQ) return vm_bool(vm, false);
  if (op == CMP_NE) return vm_bool(vm, true);
  Object *x = obj_newref(LIST_ITEMS(a)[i]), *y = obj_newref(LIST_ITEMS(b)[i]);
  Object *r = obj_richcompare(vm, x, y, op);
  obj_decref(vm, x);
  obj_decref(vm, y);
  return r;
}

/* ---- indexing --------------------------------------------------------------- */

static Object *list_item(VM *vm, Object *self, ssize_t i) {
  if ((size_t)i >= (size_t)LIST_SIZE(self))
    return exc_set(vm, &vm->exc_IndexError, "list index out of range");
  return obj_newref(LIST_ITEMS(self)[i]);
}

static Object *list_subscript_slice(VM *vm, Object *self, Object *key) {
  ssize_t start, stop, step;
  if (slice_unpack(vm, key, &start, &stop, &step) < 0) return NULL;
  ssize_t n = slice_adjust_indices(LIST_SIZE(self), &start, &stop, step);
  if (step == 1) return list_from_array(vm, LIST_ITEMS(self) + start, n);
  Object *r = list_new(vm, n);
  if (!r) return NULL;
  Object **src = LIST_ITEMS(self), **dst = LIST_ITEMS(r);
  for (ssize_t i = 0, cur = start; i < n; i++, cur += step) dst[i] = obj_newref(src[cur]);
  return r;
}

static Object *list_getitem(VM *vm, Object *self, Object *key) {
  if (obj_is_small(key)) {
    ssize_t i = (ssize_t)small_value(key);
    if (i < 0) i += LIST_SIZE(self);
    return list_item(vm, self, i);
  }
  if (SLICE_CHECK(vm, key)) return list_subscript_slice(vm, self, key);
  if (slice_has_index(vm, key)) {
    ssize_t i;
    if (slice_as_ssize(vm, key, &vm->exc_IndexError, &i) < 0) return NULL;
    if (i < 0) i += LIST_SIZE(self);
    return list_item(vm, self, i);
  }
  return exc_set(vm, &vm->exc_TypeError, "list indices must be integers or slices, not %s",
                 type_name(obj_type(vm, key)));
}

/* Borrowed items of a list or tuple, or NULL if v is neither. */
static Object **fast_items(VM *vm, Object *v, ssize_t *n) {
  if (LIST_CHECK(vm, v)) {
    *n = LIST_SIZE(v);
    return LIST_ITEMS(v);
  }
  if (TUPLE_CHECK(vm, v)) {
    *n = TUPLE_SIZE(v);
    return TUPLE_ITEMS(v);
  }
  return NULL;
}

/* a[ilow:ihigh] = v (v NULL deletes); CPython's list_ass_slice. */
static int list_ass_slice(VM *vm, ListObject *a, ssize_t ilow, ssize_t ihigh, Object *v) {
  Object *owned = NULL;   /* a copy of v when v is not a list/tuple, or is a itself */
  Object **vitems = NULL;
  ssize_t n = 0;
  if (v) {
    if (v == &a->ob.ob_base) {
      owned = list_slice(vm, v, 0, LIST_SIZE(v));
    } else if (!fast_items(vm, v, &n)) {
      if (!obj_type(vm, v)->tp_iter && !obj_type(vm, v)->tp_getitem) {
        exc_set(vm, &vm->exc_TypeError, "can only assign an iterable");
        return -1;
      }
      owned = list_from_iterable(vm, v);
    }
    if (v == &a->ob.ob_base || owned) {
      if (!owned) return -1;
      v = owned;
    }
    vitems = fast_items(vm, v, &n);
  }
  ssize_t size = a->ob.ob_size;
  if (ilow < 0) ilow = 0;
  else if (ilow > size) ilow = size;
  if (ihigh < ilow) ihigh = ilow;
  else if (ihigh > size) ihigh = size;
  ssize_t norig = ihigh - ilow, d = n - norig;
  if (size + d == 0) {
    obj_xdecref(vm, owned);
    list_clear_items(vm, a);
    return 0;
  }
  /* Keep the replaced items alive until the list is consistent again. */
  Object *small_recycle[8], **recycle = small_recycle;
  size_t rbytes = sizeof(Object *) * (size_t)norig;
  if (norig > 8) {
    recycle = heap_alloc(vm, rbytes);
    if (!recycle) {
      obj_xdecref(vm, owned);
      return -1;
    }
  }
  memcpy(recycle, &a->items[ilow], rbytes);
  if (d < 0) {
    memmove(&a->items[ihigh + d], &a->items[ihigh], sizeof(Object *) * (size_t)(size - ihigh));
    list_resize(vm, a, size + d);   /* shrinking cannot fail */
  } else if (d > 0) {
    if (list_resize(vm, a, size + d) < 0) {
      if (recycle != small_recycle) heap_free(vm, recycle, rbytes);
      obj_xdecref(vm, owned);
      return -1;
    }
    memmove(&a->items[ihigh + d], &a->items[ihigh], sizeof(Object *) * (size_t)(size - ihigh));
  }
  for (ssize_t k = 0; k < n; k++) a->items[ilow + k] = obj_newref(vitems[k]);
  for (ssize_t k = norig - 1; k >= 0; k--) obj_decref(vm, recycle[k]);
  if (recycle != small_recycle) heap_free(vm, recycle, rbytes);
  obj_xdecref(vm, owned);
  return 0;
}

static int list_ass_item(VM *vm, ListObject *l, ssize_t i, Object *v) {
  if ((size_t)i >= (size_t)l->ob.ob_size) {
    exc_set(vm, &vm->exc_IndexError, "list assignment index out of range");
    return -1;
  }
  if (!v) return list_ass_slice(vm, l, i, i + 1, NULL);
  Object *old = l->items[i];
  l->items[i] = obj_newref(v);
  obj_decref(vm, old);
  return 0;
}

/* del a[start:stop:step] for step != 1: compact the survivors in one pass. */
static int list_del_extended(VM *vm, ListObject *l, ssize_t start, ssize_t step,
                             ssize_t slicelen) {
  if (step < 0) {   /* walk forwards */
    start = start + step * (slicelen - 1);
    step = -step;
  }
  size_t gbytes = sizeof(Object *) * (size_t)slicelen;
  Object **garbage = heap_alloc(vm, gbytes);
  if (!garbage) return -1;
  ssize_t cur = start, i;
  for (i = 0; i < slicelen; i++, cur += step) {
    ssize_t lim = step - 1;
    garbage[i] = l->items[cur];
    if (cur + step >= l->ob.ob_size) lim = l->ob.ob_size - cur - 1;
    memmove(&l->items[cur - i], &l->items[cur + 1], sizeof(Object *) * (size_t)lim);
  }
  cur = start + slicelen * step;
  if (cur < l->ob.ob_size)
    memmove(&l->items[cur - slicelen], &l->items[cur],
            sizeof(Object *) * (size_t)(l->ob.ob_size - cur));
  list_resize(vm, l, l->ob.ob_size - slicelen);
  for (i = 0; i < slicelen; i++) obj_decref(vm, garbage[i]);
  heap_free(vm, garbage, gbytes);
  return 0;
}

static int list_ass_subscript_slice(VM *vm, ListObject *l, Object *key, Object *value) {
  ssize_t start, stop, step;
  if (slice_unpack(vm, key, &start, &stop, &step) < 0) return -1;
  ssize_t slicelen = slice_adjust_indices(l->ob.ob_size, &start, &stop, step);
  if (step == 1) return list_ass_slice(vm, l, start, stop, value);
  /* CPython makes stop sensible for the ass_slice fallback below. */
  if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
  if (!value) {
    if (slicelen <= 0) return 0;
    return list_del_extended(vm, l, start, step, slicelen);
  }
  Object *seq;
  if (value == &l->ob.ob_base) {
    seq = list_slice(vm, value, 0, LIST_SIZE(value));
  } else if (LIST_CHECK(vm, value) || TUPLE_CHECK(vm, value)) {
    seq = obj_newref(value);
  } else {
    TypeObject *vt = obj_type(vm, value);
    if (!vt->tp_iter && !vt->tp_getitem) {
      exc_set(vm, &vm->exc_TypeError, "must assign iterable to extended slice");
      return -1;
    }
    seq = list_from_iterable(vm, value);
  }
  if (!seq) return -1;
  ssize_t n = 0;
  Object **src = fast_items(vm, seq, &n);
  if (n != slicelen) {
    exc_set(vm, &vm->exc_ValueError,
            "attempt to assign sequence of size %zd to extended slice of size %zd", n, slicelen);
    obj_decref(vm, seq);
    return -1;
  }
  if (slicelen == 0) {
    obj_decref(vm, seq);
    return 0;
  }
  size_t gbytes = sizeof(Object *) * (size_t)slicelen;
  Object **garbage = heap_alloc(vm, gbytes);
  if (!garbage) {
    obj_decref(vm, seq);
    return -1;
  }
  for (ssize_t cur = start, i = 0; i < slicelen; cur += step, i++) {
    garbage[i] = l->items[cur];
    l->items[cur] = obj_newref(src[i]);
  }
  for (ssize_t i = 0; i < slicelen; i++) obj_decref(vm, garbage[i]);
  heap_free(vm, garbage, gbytes);
  obj_decref(vm, seq);
  return 0;
}

static int list_setitem(VM *vm, Object *self, Object *key, Object *value) {
  ListObject *l = L(self);
  if (obj_is_small(key)) {
    ssize_t i = (ssize_t)small_value(key);
    if (i < 0) i += l->ob.ob_size;
    return list_ass_item(vm, l, i, value);
  }
  if (SLICE_CHECK(vm, key)) return list_ass_subscript_slice(vm, l, key, value);
  if (slice_has_index(vm, key)) {
    ssize_t i;
    if (slice_as_ssize(vm, key, &vm->exc_IndexError, &i) < 0) return -1;
    if (i < 0) i += l->ob.ob_size;
    return list_ass_item(vm, l, i, value);
  }
  exc_set(vm, &vm->exc_TypeError, "list indices must be integers or slices, not %s",
          type_name(obj_type(vm, key)));
  return -1;
}

/* ---- arithmetic ---------------------------------------------------------------- */

static Object *list_concat(VM *vm, Object *a, Object *b) {
  ssize_t na = LIST_SIZE(a), nb = LIST_SIZE(b);
  Object *r = list_new(vm, na + nb);
  if (!r) return NULL;
  Object **dst = LIST_ITEMS(r);
  for (ssize_t i = 0; i < na; i++) dst[i] = obj_newref(LIST_ITEMS(a)[i]);
  for (ssize_t i = 0; i < nb; i++) dst[na + i] = obj_newref(LIST_ITEMS(b)[i]);
  return r;
}

/* Fill dst[n..n*count) by doubling copies of dst[0..n); increfs every copy. */
static void repeat_fill(Object **dst, ssize_t n, ssize_t count) {
  for (ssize_t i = 0; i < n; i++) {
    if (!obj_is_small(dst[i])) dst[i]->ob_refcnt += (uint32_t)(count - 1);
  }
  ssize_t done = n, total = n * count;
  while (done < total) {
    ssize_t chunk = done <= total - done ? done : total - done;
    memcpy(dst + done, dst, sizeof(Object *) * (size_t)chunk);
    done += chunk;
  }
}

static Object *list_repeat(VM *vm, Object *a, ssize_t count) {
  ssize_t n = LIST_SIZE(a);
  if (count < 0) count = 0;
  if (n && count > SSIZE_MAX / (ssize_t)sizeof(Object *) / n) return exc_no_memory(vm);
  Object *r = list_new(vm, n * count);
  if (!r || n * count == 0) return r;
  for (ssize_t i = 0; i < n; i++) LIST_ITEMS(r)[i] = obj_newref(LIST_ITEMS(a)[i]);
  repeat_fill(LIST_ITEMS(r), n, count);
  return r;
}

static int list_inplace_repeat(VM *vm, ListObject *l, ssize_t count) {
  ssize_t n = l->ob.ob_size;
  if (n == 0 || count == 1) return 0;
  if (count <= 0) {
    list_clear_items(vm, l);
    return 0;
  }
  if (count > SSIZE_MAX / (ssize_t)sizeof(Object *) / n) {
    exc_no_memory(vm);
    return -1;
  }
  if (list_prealloc_exact(vm, l, n * count) < 0) return -1;
  repeat_fill(l->items, n, count);
  l->ob.ob_size = n * count;
  return 0;
}

/* The repeat count of seq * n; 1 if n is not an index (the caller then declines). */
static int repeat_count(VM *vm, Object *n, ssize_t *out) {
  if (obj_is_small(n)) {
    *out = (ssize_t)small_value(n);
    return 0;
  }
  return slice_as_ssize(vm, n, &vm->exc_OverflowError, out);
}

static Object *list_binop(VM *vm, Object *a, Object *b, int op) {
  bool inplace = (op & BINOP_INPLACE) != 0;
  int base = op & ~BINOP_INPLACE;
  if (inplace && !LIST_CHECK(vm, a)) return obj_newref(VM_NOTIMPL(vm));
  if (base == BINOP_ADD) {
    if (inplace) {
      if (list_extend(vm, a, b) < 0) return NULL;
      return obj_newref(a);
    }
    if (LIST_CHECK(vm, a) && LIST_CHECK(vm, b)) return list_concat(vm, a, b);
  } else if (base == BINOP_MUL) {
    Object *seq = LIST_CHECK(vm, a) ? a : b, *n = seq == a ? b : a;
    if (slice_has_index(vm, n)) {
      ssize_t count;
      if (repeat_count(vm, n, &count) < 0) return NULL;
      if (inplace) {
        if (list_inplace_repeat(vm, L(a), count) < 0) return NULL;
        return obj_newref(a);
      }
      return list_repeat(vm, seq, count);
    }
  }
  return obj_newref(VM_NOTIMPL(vm));
}

/* ======================================================================== */
/* sorting                                                                  */
/* ======================================================================== */

typedef struct SortItem {
  Object *key;     /* == value when there is no key function */
  Object *value;
} SortItem;

typedef enum { CMP_GENERIC, CMP_SMALL, CMP_FLOAT, CMP_STR } SortKind;

/* 1 if a < b, 0 if not, -1 on error. */
static inline int sort_lt(VM *vm, SortKind kind, Object *a, Object *b) {
  switch (kind) {
  case CMP_SMALL: return (intptr_t)a < (intptr_t)b;   /* tag bit preserves the order */
  case CMP_FLOAT: return float_value(a) < float_value(b);
  case CMP_STR: {
    ssize_t na = str_nbytes(a), nb = str_nbytes(b);
    int c = memcmp(str_utf8(a), str_utf8(b), (size_t)(na < nb ? na : nb));
    return c < 0 || (c == 0 && na < nb);   /* UTF-8 byte order is code point order */
  }
  default: return obj_richcompare_bool(vm, a, b, CMP_LT);
  }
}

static SortKind sort_kind(VM *vm, SortItem *v, ssize_t n) {
  if (n == 0) return CMP_GENERIC;
  Object *k0 = v[0].key;
  if (obj_is_small(k0)) {
    for (ssize_t i = 1; i < n; i++)
      if (!obj_is_small(v[i].key)) return CMP_GENERIC;
    return CMP_SMALL;
  }
  TypeObject *t = k0->ob_type;
  if (t != &vm->float_type && t != &vm->str_type) return CMP_GENERIC;
  for (ssize_t i = 1; i < n; i++)
    if (obj_is_small(v[i].key) || v[i].key->ob_type != t) return CMP_GENERIC;
  return t == &vm->float_type ? CMP_FLOAT : CMP_STR;
}

/* Binary insertion sort of v[lo..hi) where v[lo..start) is already sorted. */
static int binary_insertion(VM *vm, SortKind kind, SortItem *v, ssize_t lo, ssize_t start,
                            ssize_t hi) {
  for (; start < hi; start++) {
    SortItem pivot = v[start];
    ssize_t l = lo, r = start;
    while (l < r) {
      ssize_t m = l + ((r - l) >> 1);
      int c = sort_lt(vm, kind, pivot.key, v[m].key);
      if (c < 0) return -1;
      if (c) r = m;
      else l = m + 1;
    }
    memmove(&v[l + 1], &v[l], sizeof(SortItem) * (size_t)(start - l));
    v[l] = pivot;
  }
  return 0;
}

/* Stable merge of v[lo..mid) and v[mid..hi) using tmp (room for mid-lo items).
   On error every item is still in v exactly once. */
static int merge_runs(VM *vm, SortKind kind, SortItem *v, ssize_t lo, ssize_t mid, ssize_t hi,
                      SortItem *tmp) {
  int c = sort_lt(vm, kind, v[mid].key, v[mid - 1].key);
  if (c <= 0) return c;   /* already in order (or error, nothing moved) */
  ssize_t nl = mid - lo;
  memcpy(tmp, &v[lo], sizeof(SortItem) * (size_t)nl);
  ssize_t i = 0, j = mid, k = lo;
  while (i < nl && j < hi) {
    c = sort_lt(vm, kind, v[j].key, tmp[i].key);
    if (c < 0) {
      memcpy(&v[k], &tmp[i], sizeof(SortItem) * (size_t)(nl - i));
      return -1;
    }
    v[k++] = c ? v[j++] : tmp[i++];
  }
  memcpy(&v[k], &tmp[i], sizeof(SortItem) * (size_t)(nl - i));
  return 0;
}

#define SORT_RUN 32

static int merge_sort(VM *vm, SortKind kind, SortItem *v, ssize_t n) {
  if (n < 2) return 0;
  /* A strictly descending input is reversed in place (stable: no equal items). */
  ssize_t d = 1;
  for (; d < n; d++) {
    int c = sort_lt(vm, kind, v[d].key, v[d - 1].key);
    if (c < 0) return -1;
    if (!c) break;
  }
  if (d == n) {
    for (ssize_t i = 0, j = n - 1; i < j; i++, j--) {
      SortItem t = v[i];
      v[i] = v[j];
      v[j] = t;
    }
    return 0;
  }
  for (ssize_t lo = 0; lo < n; lo += SORT_RUN) {
    ssize_t hi = lo + SORT_RUN < n ? lo + SORT_RUN : n;
    if (binary_insertion(vm, kind, v, lo, lo + 1, hi) < 0) return -1;
  }
  if (n <= SORT_RUN) return 0;
  size_t tbytes = sizeof(SortItem) * (size_t)n;   /* the left run of the last merge may exceed n/2 */
  SortItem *tmp = heap_alloc(vm, tbytes);
  if (!tmp) return -1;
  int rc = 0;
  for (ssize_t width = SORT_RUN; width < n && rc == 0; width *= 2) {
    for (ssize_t lo = 0; lo + width < n; lo += 2 * width) {
      ssize_t mid = lo + width, hi = mid + width < n ? mid + width : n;
      if ((rc = merge_runs(vm, kind, v, lo, mid, hi, tmp)) < 0) break;
    }
  }
  heap_free(vm, tmp, tbytes);
  return rc < 0 ? -1 : 0;
}

static void reverse_items(Object **lo, Object **hi) {
  for (--hi; lo < hi; lo++, hi--) {
    Object *t = *lo;
    *lo = *hi;
    *hi = t;
  }
}

int list_sort(VM *vm, Object *list, Object *key, bool reverse) {
  ListObject *l = L(list);
  if (key == VM_NONE(vm)) key = NULL;
  /* Detach the items: the list looks empty to anything that runs meanwhile. */
  Object **items = l->items;
  ssize_t n = l->ob.ob_size, allocated = l->allocated;
  l->items = NULL;
  l->ob.ob_size = 0;
  l->allocated = -1;

  int rc = 0;
  ssize_t nkeys = 0;
  size_t vbytes = sizeof(SortItem) * (size_t)(n ? n : 1);
  SortItem *v = heap_alloc(vm, vbytes);
  if (!v) {
    rc = -1;
    goto restore;
  }
  for (; nkeys < n; nkeys++) {
    v[nkeys].value = items[nkeys];
    if (key) {
      v[nkeys].key = obj_call1(vm, key, items[nkeys]);
      if (!v[nkeys].key) {
        rc = -1;
        break;
      }
    } else {
      v[nkeys].key = items[nkeys];
    }
  }
  if (rc == 0) {
    if (reverse) {
      for (ssize_t i = 0, j = n - 1; i < j; i++, j--) {
        SortItem t = v[i];
        v[i] = v[j];
        v[j] = t;
      }
    }
    rc = merge_sort(vm, sort_kind(vm, v, n), v, n);
    if (reverse) {
      for (ssize_t i = 0, j = n - 1; i < j; i++, j--) {
        SortItem t = v[i];
        v[i] = v[j];
        v[j] = t;
      }
    }
    for (ssize_t i = 0; i < n; i++) items[i] = v[i].value;
  }
  if (key)
    for (ssize_t i = 0; i < nkeys; i++) obj_decref(vm, v[i].key);
  heap_free(vm, v, vbytes);

restore:;
  bool modified = l->allocated != -1 || l->items != NULL;
  Object **extra = l->items;
  ssize_t extra_n = l->ob.ob_size, extra_alloc = l->allocated;
  l->items = items;
  l->ob.ob_size = n;
  l->allocated = allocated;
  if (modified) {
    if (rc == 0) exc_set(vm, &vm->exc_ValueError, "list modified during sort");
    rc = -1;
    for (ssize_t i = extra_n; --i >= 0;) obj_decref(vm, extra[i]);
    if (extra) heap_free(vm, extra, sizeof(Object *) * (size_t)extra_alloc);
  }
  return rc;
}

/* ======================================================================== */
/* methods                                                                  */
/* ======================================================================== */

static Object *m_append(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (list_append(vm, self, args[0]) < 0) return NULL;
  return vm_none(vm);
}

static Object *m_extend(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (list_extend(vm, self, args[0]) < 0) return NULL;
  return vm_none(vm);
}

static int arg_ssize(VM *vm, Object *o, ssize_t *out) {
  if (obj_is_small(o)) {
    *out = (ssize_t)small_value(o);
    return 0;
  }
  if (!slice_has_index(vm, o)) {
    exc_set(vm, &vm->exc_TypeError, "'%s' object cannot be interpreted as an integer",
            type_name(obj_type(vm, o)));
    return -1;
  }
  return slice_as_ssize(vm, o, &vm->exc_OverflowError, out);
}

static Object *m_insert(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (arg_count(vm, "insert", nargs, 2, 2) < 0) return NULL;
  ssize_t where;
  if (arg_ssize(vm, args[0], &where) < 0) return NULL;
  if (list_insert(vm, self, where, args[1]) < 0) return NULL;
  return vm_none(vm);
}

static Object *m_pop(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (arg_count(vm, "pop", nargs, 0, 1) < 0) return NULL;
  ssize_t i = -1, n = LIST_SIZE(self);
  if (nargs && arg_ssize(vm, args[0], &i) < 0) return NULL;
  if (n == 0) return exc_set(vm, &vm->exc_IndexError, "pop from empty list");
  if (i < 0) i += n;
  if ((size_t)i >= (size_t)n) return exc_set(vm, &vm->exc_IndexError, "pop index out of range");
  Object *v = LIST_ITEMS(self)[i];
  if (i == n - 1) {
    list_resize(vm, L(self), n - 1);
    return v;
  }
  obj_incref(v);
  if (list_ass_slice(vm, L(self), i, i + 1, NULL) < 0) {
    obj_decref(vm, v);
    return NULL;
  }
  return v;
}

static Object *m_remove(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  for (ssize_t i = 0; i < LIST_SIZE(self); i++) {
    Object *item = obj_newref(LIST_ITEMS(self)[i]);
    int c = list_item_eq(vm, item, args[0]);
    obj_decref(vm, item);
    if (c < 0) return NULL;
    if (c) {
      if (list_ass_slice(vm, L(self), i, i + 1, NULL) < 0) return NULL;
      return vm_none(vm);
    }
  }
  return exc_set(vm, &vm->exc_ValueError, "list.remove(x): x not in list");
}

static Object *m_clear(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  list_clear_items(vm, L(self));
  return vm_none(vm);
}

/* start/stop arguments of index(): clamped, negative counted from the end. */
static int index_bound(VM *vm, Object *o, ssize_t n, ssize_t *out) {
  if (o == VM_NONE(vm)) {   /* only reachable for stop's default */
    *out = n;
    return 0;
  }
  if (!slice_has_index(vm, o)) {
    exc_set(vm, &vm->exc_TypeError,
            "slice indices must be integers or have an __index__ method");
    return -1;
  }
  ssize_t v;
  if (slice_as_ssize(vm, o, NULL, &v) < 0) return -1;
  if (v < 0) {
    v += n;
    if (v < 0) v = 0;
  }
  *out = v;
  return 0;
}

static Object *m_index(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (arg_count(vm, "index", nargs, 1, 3) < 0) return NULL;
  ssize_t start = 0, stop = SSIZE_MAX;
  if (nargs > 1 && index_bound(vm, args[1], LIST_SIZE(self), &start) < 0) return NULL;
  if (nargs > 2 && index_bound(vm, args[2], LIST_SIZE(self), &stop) < 0) return NULL;
  for (ssize_t i = start; i < stop && i < LIST_SIZE(self); i++) {
    Object *item = obj_newref(LIST_ITEMS(self)[i]);
    int c = list_item_eq(vm, item, args[0]);
    obj_decref(vm, item);
    if (c < 0) return NULL;
    if (c) return int_from_i64(vm, i);
  }
  return exc_set(vm, &vm->exc_ValueError, "%R is not in list", args[0]);
}

static Object *m_count(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  ssize_t count = 0;
  for (ssize_t i = 0; i < LIST_SIZE(self); i++) {
    Object *item = obj_newref(LIST_ITEMS(self)[i]);
    int c = list_item_eq(vm, item, args[0]);
    obj_decref(vm, item);
    if (c < 0) return NULL;
    count += c;
  }
  return int_from_i64(vm, count);
}

static Object *m_sort(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (nargs) return exc_set(vm, &vm->exc_TypeError, "sort() takes no positional arguments");
  static const char *const names[] = {"key", "reverse", NULL};
  Object *a[2] = {NULL, NULL};
  if (arg_parse(vm, "sort", args, nargs, kw, names, 0, 0, a) < 0) return NULL;
  ssize_t rev = 0;
  if (a[1] && arg_ssize(vm, a[1], &rev) < 0) return NULL;   /* CPython's "i" converter */
  if (list_sort(vm, self, a[0], rev != 0) < 0) return NULL;
  return vm_none(vm);
}

static Object *m_reverse(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  if (LIST_SIZE(self) > 1) reverse_items(LIST_ITEMS(self), LIST_ITEMS(self) + LIST_SIZE(self));
  return vm_none(vm);
}

static Object *m_copy(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return list_slice(vm, self, 0, LIST_SIZE(self));
}

static Object *m_sizeof(VM *vm, Object *self, Object *const *args, size_t nargs, Object *kw) {
  return int_from_i64(vm, (int64_t)(self->ob_type->tp_basicsize +
                                    sizeof(Object *) * (size_t)L(self)->allocated));
}

static Object *list_iter(VM *vm, Object *self);
static Object *list_reversed(VM *vm, Object *self, Object *const *args, size_t nargs,
                             Object *kw);

static const MethodDef list_methods[] = {
  {"append", m_append, METH_O, "Append object to the end of the list."},
  {"extend", m_extend, METH_O, "Extend list by appending elements from the iterable."},
  {"insert", m_insert, METH_VARARGS | METH_NOKW, "Insert object before index."},
  {"remove", m_remove, METH_O, "Remove first occurrence of value."},
  {"pop", m_pop, METH_VARARGS | METH_NOKW, "Remove and return item at index (default last)."},
  {"clear", m_clear, METH_NOARGS, "Remove all items from list."},
  {"index", m_index, METH_VARARGS | METH_NOKW, "Return first index of value."},
  {"count", m_count, METH_O, "Return number of occurrences of value."},
  {"sort", m_sort, METH_VARARGS, "Sort the list in ascending order and return None."},
  {"reverse", m_reverse, METH_NOARGS, "Reverse *IN PLACE*."},
  {"copy", m_copy, METH_NOARGS, "Return a shallow copy of the list."},
  {"__reversed__", list_reversed, METH_NOARGS, "Return a reverse iterator over the list."},
  {"__sizeof__", m_sizeof, METH_NOARGS, "Return the size of the list in memory, in bytes."},
  {NULL, NULL, 0, NULL},
};

/* ======================================================================== */
/* iterators                                                                */
/* ======================================================================== */

static Object *listiter_new(VM *vm, TypeObject *t, Object *seq, ssize_t index) {
  ListIterObject *it = (ListIterObject *)obj_alloc(vm, t, 0);
  if (!it) return NULL;
  it->seq = obj_newref(seq);
  it->index = index;
  gc_track(vm, &it->ob);
  return &it->ob;
}

static Object *list_iter(VM *vm, Object *self) {
  return listiter_new(vm, &vm->list_iter_type, self, 0);
}

static Object *list_reversed(VM *vm, Object *self, Object *const *args, size_t nargs,
                             Object *kw) {
  return listiter_new(vm, &vm->list_reviter_type, self, LIST_SIZE(self) - 1);
}

static Object *listiter_next(VM *vm, Object *self) {
  ListIterObject *it = (ListIterObject *)self;
  Object *seq = it->seq;
  if (!seq) return NULL;
  if (it->index < LIST_SIZE(seq)) return obj_newref(LIST_ITEMS(seq)[it->index++]);
  it->seq = NULL;
  obj_decref(vm, seq);
  return NULL;
}

static Object *listreviter_next(VM *vm, Object *self) {
  ListIterObject *it = (ListIterObject *)self;
  Object *seq = it->seq;
  if (!seq) return NULL;
  if (it->index >= 0 && it->index < LIST_SIZE(seq))
    return obj_newref(LIST_ITEMS(seq)[it->index--]);
  it->index = -1;
  it->seq = NULL;
  obj_decref(vm, seq);
  return NULL;
}

static Object *listiter_length_hint(VM *vm, Object *self, Object *const *args, size_t nargs,
                                    Object *kw) {
  ListIterObject *it = (ListIterObject *)self;
  ssize_t n = 0;
  if (it->seq) {
    if (self->ob_type == &vm->list_iter_type) n = LIST_SIZE(it->seq) - it->index;
    else if (it->index < LIST_SIZE(it->seq)) n = it->index + 1;
  }
  return int_from_i64(vm, n < 0 ? 0 : n);
}

/* The container reference that every list_seqiter_type_init iterator starts with. */
#define SEQITER_REF(o) (((ListIterObject *)(o))->seq)

static int seqiter_traverse(VM *vm, Object *self, VisitProc visit, void *arg) {
  return SEQITER_REF(self) ? visit(vm, SEQITER_REF(self), arg) : 0;
}

static int seqiter_clear(VM *vm, Object *self) {
  OBJ_CLEAR(vm, SEQITER_REF(self));
  return 0;
}

static void seqiter_dealloc(VM *vm, Object *self) {
  gc_untrack(vm, self);
  OBJ_CLEAR(vm, SEQITER_REF(self));
  obj_free(vm, self, self->ob_type->tp_basicsize);
}

void list_seqiter_type_init(VM *vm, TypeObject *t, const char *name, size_t size,
                            Object *(*next)(VM *, Object *), const MethodDef *methods) {
  type_init_builtin(vm, t, name, NULL, size, 0, TYPE_FLAG_GC);
  t->tp_dealloc = seqiter_dealloc;
  t->tp_traverse = seqiter_traverse;
  t->tp_clear = seqiter_clear;
  t->tp_iter = list_iter_self;
  t->tp_iternext = next;
  t->tp_methods = methods;
}

static const MethodDef listiter_methods[] = {
  {"__length_hint__", listiter_length_hint, METH_NOARGS, "Private method returning an estimate of len(list(it))."},
  {NULL, NULL, 0, NULL},
};

void list_type_init(VM *vm) {
  TypeObject *t = &vm->list_type;
  type_init_builtin(vm, t, "list", NULL, sizeof(ListObject), 0,
                    TYPE_FLAG_BASETYPE | TYPE_FLAG_GC | TYPE_FLAG_LIST_SUBCLASS);
  t->tp_dealloc = list_dealloc;
  t->tp_traverse = list_traverse;
  t->tp_clear = list_tp_clear;
  t->tp_new = list_tp_new;
  t->tp_init = list_tp_init;
  t->tp_repr = list_repr;
  t->tp_richcompare = list_richcompare;
  t->tp_binop = list_binop;
  t->tp_binop_mask = (1u << BINOP_ADD) | (1u << BINOP_MUL);
  t->tp_rbinop_mask = t->tp_binop_mask & ~(1u << BINOP_ADD);
  t->tp_inplace_mask = (1u << BINOP_ADD) | (1u << BINOP_MUL);
  t->tp_len = list_len;
  t->tp_getitem = list_getitem;
  t->tp_setitem = list_setitem;
  t->tp_contains = list_contains;
  t->tp_iter = list_iter;
  t->tp_methods = list_methods;
  t->tp_doc = "Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty list.\nThe argument must be an iterable if specified.";
  list_seqiter_type_init(vm, &vm->list_iter_type, "list_iterator", sizeof(ListIterObject),
                         listiter_next, listiter_methods);
  list_seqiter_type_init(vm, &vm->list_reviter_type, "list_reverseiterator",
                         sizeof(ListIterObject), listreviter_next, listiter_methods);
}
