/* rusage_exec.c - tiny launcher used by bench/run to measure a program's
 * peak RSS and wall time exactly.
 *
 * Why: on Linux a child's ru_maxrss starts at the high-water RSS of the
 * process that forked it (exec records the old mm's peak), so measuring
 * from the Python runner would put a ~15 MB floor under every figure.  This
 * launcher is small, so the floor it leaves is well under 1 MB.
 *
 * Usage: rusage_exec TIMEOUT_SEC RESULT_FILE PROGRAM [ARGS...]
 * Writes "status maxrss_kb wall_seconds cpu_seconds" to RESULT_FILE, where status is
 * "exit N", "signal N" or "timeout"; exits 0 unless it could not run at all.
 * stdin/stdout/stderr are inherited by PROGRAM.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile pid_t child;
static volatile sig_atomic_t timed_out;

/* PROGRAM runs in its own process group, so that a timeout or an interrupt
 * also ends whatever it started. */
static void on_alarm(int sig)
{
    (void)sig;
    timed_out = 1;
    if (child > 0)
        kill(-child, SIGKILL);
}

static void on_interrupt(int sig)
{
    if (child > 0)
        kill(-child, SIGKILL);
    signal(sig, SIG_DFL);
    raise(sig);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: %s TIMEOUT RESULT_FILE PROGRAM [ARGS...]\n", argv[0]);
        return 2;
    }
    unsigned timeout = (unsigned)strtoul(argv[1], NULL, 10);
    const char *result = argv[2];
    struct timespec t0, t1;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
    sa.sa_handler = on_interrupt;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);

    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 2;
    }
    if (pid == 0) {
        setpgid(0, 0);
        execvp(argv[3], argv + 3);
        fprintf(stderr, "rusage_exec: cannot run %s: %s\n", argv[3], strerror(errno));
        _exit(127);
    }
    setpgid(pid, pid);
    child = pid;
    if (timeout)
        alarm(timeout);
    int status;
    struct rusage ru;
    while (wait4(pid, &status, 0, &ru) < 0) {
        if (errno != EINTR) {
            perror("wait4");
            return 2;
        }
    }
    alarm(0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double wall = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;

    FILE *f = fopen(result, "w");
    if (!f) {
        perror(result);
        return 2;
    }
    if (timed_out)
        fprintf(f, "timeout");
    else if (WIFSIGNALED(status))
        fprintf(f, "signal %d", WTERMSIG(status));
    else
        fprintf(f, "exit %d", WEXITSTATUS(status));
    double cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec)
               + (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
    fprintf(f, " %ld %.6f %.6f\n", ru.ru_maxrss, wall, cpu);
    fclose(f);
    return 0;
}
