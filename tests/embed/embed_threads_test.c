/* Many VMs on several threads at once: the threading rule of kite.h (one thread per VM
   at a time, any number of VMs). Run under the sanitizers this also checks that VMs
   share no mutable state. */
#include <criterion/criterion.h>
#include <kite.h>
#include <pthread.h>
#include <stdio.h>

#define NTHREADS 4

typedef struct Job {
  int id;
  int vms;          /* VMs created one after another by this thread */
  int failures;
  int64_t last;     /* the last result computed */
} Job;

static KiteValue *c_thread_id(KiteVM *vm, void *ud, size_t n, KiteValue *const *a, const char *const *kw) {
  return kite_int(vm, ((Job *)ud)->id);
}

static void *worker(void *arg) {
  Job *job = arg;
  for (int k = 0; k < job->vms; k++) {
    KiteVM *vm = kite_new(NULL);
    if (!vm) {
      job->failures++;
      continue;
    }
    kite_register(vm, "thread_id", c_thread_id, job);
    int rc = kite_run_string(vm,
                             "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
                             "words = {}\n"
                             "for i in range(200):\n    words[str(i)] = i * thread_id()\n"
                             "result = fib(15) + sum(words.values())\n",
                             NULL, NULL);
    KiteValue *r = rc == 0 ? kite_get_global(vm, "result") : NULL;
    if (!r || kite_to_int(vm, r, &job->last) < 0) job->failures++;
    kite_decref(vm, r);
    kite_free(vm);
  }
  return NULL;
}

Test(threads, vms_on_many_threads) {
  pthread_t t[NTHREADS];
  Job jobs[NTHREADS];
  for (int i = 0; i < NTHREADS; i++) {
    jobs[i] = (Job){.id = i, .vms = 25};
    cr_assert_eq(pthread_create(&t[i], NULL, worker, &jobs[i]), 0);
  }
  for (int i = 0; i < NTHREADS; i++) pthread_join(t[i], NULL);
  for (int i = 0; i < NTHREADS; i++) {
    cr_assert_eq(jobs[i].failures, 0, "thread %d", i);
    cr_assert_eq(jobs[i].last, 610 + 19900 * i, "thread %d computed %lld", i, (long long)jobs[i].last);
  }
}

/* A VM handed from thread to thread (never used by two at once) keeps its state. */
typedef struct Relay {
  KiteVM *vm;
  int step;
} Relay;

static void *relay_step(void *arg) {
  Relay *r = arg;
  char src[64];
  snprintf(src, sizeof src, "log.append(%d)", r->step);
  if (kite_run_string(r->vm, src, NULL, NULL) < 0) kite_error_clear(r->vm);
  return NULL;
}

Test(threads, vm_moves_between_threads) {
  Relay r = {kite_new(NULL), 0};
  cr_assert_eq(kite_run_string(r.vm, "log = []", NULL, NULL), 0);
  for (r.step = 0; r.step < 8; r.step++) {
    pthread_t t;
    cr_assert_eq(pthread_create(&t, NULL, relay_step, &r), 0);
    pthread_join(t, NULL);
  }
  KiteValue *log = kite_eval(r.vm, "log", NULL);
  KiteValue *s = kite_repr(r.vm, log);
  cr_assert_str_eq(kite_to_str(r.vm, s, NULL), "[0, 1, 2, 3, 4, 5, 6, 7]");
  kite_decref(r.vm, s);
  kite_decref(r.vm, log);
  kite_free(r.vm);
}
