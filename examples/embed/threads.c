/*
 * threads: a host running many VMs on several threads with pthreads.
 *
 *   threads [nthreads [jobs]]      default: 4 threads, 64 jobs
 *
 * Kite has no global state and no global lock: each VM is an independent interpreter.
 * The one rule is that a VM is used by one thread at a time. Here a pool of worker
 * threads takes jobs from a shared queue (protected by the host's own mutex); each
 * worker owns one VM for its whole life and runs every job it takes in a fresh
 * namespace of that VM. Results are written into the job, which only that worker
 * touches until the pool is joined.
 *
 * Build: cc threads.c $(pkg-config --cflags --libs kite) -pthread
 */
#include <kite.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct Job {
  int n;                /* input: count the primes below n * 1000 */
  int64_t primes;       /* output */
  int worker;           /* which worker ran it */
  int failed;
} Job;

typedef struct Pool {
  pthread_mutex_t lock;
  Job *jobs;
  int njobs, next;      /* next: first job not yet taken (guarded by lock) */
} Pool;

typedef struct Worker {
  int id;
  Pool *pool;
  int done;
} Worker;

static const char *const program =
    "def count_primes(limit):\n"
    "    sieve = [True] * limit\n"
    "    sieve[0] = sieve[1] = False\n"
    "    for i in range(2, int(limit ** 0.5) + 1):\n"
    "        if sieve[i]:\n"
    "            for j in range(i * i, limit, i):\n"
    "                sieve[j] = False\n"
    "    return sum(sieve)\n"
    "result = count_primes(n * 1000)\n";

static Job *take(Pool *p) {
  pthread_mutex_lock(&p->lock);
  Job *j = p->next < p->njobs ? &p->jobs[p->next++] : NULL;
  pthread_mutex_unlock(&p->lock);
  return j;
}

/* Run one job in a fresh namespace of vm. */
static int run_job(KiteVM *vm, Job *job) {
  KiteValue *ns = kite_namespace_new(vm);
  KiteValue *n = kite_int(vm, job->n);
  int rc = ns && n ? kite_dict_set(vm, ns, "n", n) : -1;
  if (rc == 0) rc = kite_run_string(vm, program, "<job>", ns);
  KiteValue *r = rc == 0 ? kite_dict_get(vm, ns, "result") : NULL;
  if (!r || kite_to_int(vm, r, &job->primes) < 0) rc = -1;
  if (rc < 0 && kite_error_pending(vm)) kite_error_print(vm);
  kite_decref(vm, r);
  kite_decref(vm, n);
  kite_decref(vm, ns);
  return rc;
}

static void *worker_main(void *arg) {
  Worker *w = arg;
  KiteVM *vm = kite_new(NULL);   /* this thread's VM: no other thread touches it */
  if (!vm) return NULL;
  for (Job *job; (job = take(w->pool));) {
    job->worker = w->id;
    job->failed = run_job(vm, job) < 0;
    w->done++;
  }
  kite_free(vm);
  return NULL;
}

int main(int argc, char **argv) {
  int nthreads = argc > 1 ? atoi(argv[1]) : 4, njobs = argc > 2 ? atoi(argv[2]) : 64;
  if (nthreads < 1 || nthreads > 256 || njobs < 1) {
    fprintf(stderr, "usage: threads [nthreads [jobs]]\n");
    return 2;
  }
  Pool pool = {PTHREAD_MUTEX_INITIALIZER, calloc((size_t)njobs, sizeof(Job)), njobs, 0};
  Worker *workers = calloc((size_t)nthreads, sizeof(Worker));
  pthread_t *tids = calloc((size_t)nthreads, sizeof(pthread_t));
  if (!pool.jobs || !workers || !tids) return 1;
  for (int i = 0; i < njobs; i++) pool.jobs[i].n = 1 + i % 16;
  for (int i = 0; i < nthreads; i++) {
    workers[i] = (Worker){i, &pool, 0};
    if (pthread_create(&tids[i], NULL, worker_main, &workers[i]) != 0) return 1;
  }
  for (int i = 0; i < nthreads; i++) pthread_join(tids[i], NULL);

  int failed = 0;
  for (int i = 0; i < njobs; i++) {
    Job *j = &pool.jobs[i];
    failed += j->failed;
    if (i < 16) printf("primes below %6d: %5lld  (worker %d)\n", j->n * 1000, (long long)j->primes, j->worker);
  }
  for (int i = 0; i < nthreads; i++) printf("worker %d ran %d jobs\n", i, workers[i].done);
  printf("%d jobs, %d failed\n", njobs, failed);
  free(tids);
  free(workers);
  free(pool.jobs);
  return failed ? 1 : 0;
}
