"""How a child process reports its own peak memory, for the benchmarks and tests that measure one.

``resource.getrusage(RUSAGE_SELF).ru_maxrss`` is not it: Linux carries the high-water mark across
``exec``, so a child of a large process (a pytest run, say) reports its parent's peak when that is
higher. ``VmHWM`` in ``/proc/self/status`` is the child's own.
"""

PEAK_KIB = "int(next(line for line in open('/proc/self/status') if line.startswith('VmHWM')).split()[1])"
"""A Python expression: this process's peak resident memory in KiB."""
