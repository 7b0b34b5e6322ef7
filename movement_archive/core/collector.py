"""How a serving process keeps Python's garbage collector from charging its passes to the requests it serves.

Python collects reference cycles in generations: a young pass every 700 container objects created (lists, dicts,
tuples of a subclass, model instances), and a full pass over every object the process holds once enough have
survived two young passes. A page that reads many rows (an interview page's 4,000 transcript lines) creates
several thousand such objects, so with the default threshold a dozen young passes ran during each such request,
each moving the lines still in use a generation older, and a full pass came every fifteen or twenty requests. A
full pass walks everything loaded since start-up that is not frozen: tens of milliseconds on a 2-core server,
charged to whichever request it fell on (the interview page's p95 within a benchmark run, 54 ms where its p50 was
36). Young passes every 10,000 objects let a request's objects die before any pass sees them, so almost nothing
ages into the full passes, which become rare.
"""

from __future__ import annotations

import atexit
import gc

# Container objects created between young passes (Python's default is 700). Over a few requests' worth, so a
# page's short-lived objects are freed by their reference counts, not moved to an older generation; a young pass
# over this many still takes well under a millisecond.
YOUNG_PASS_EVERY = 10_000


def settle() -> None:
    """Ready a process to serve requests: what it has loaded is frozen out of the collector's passes (it lives as
    long as the process), and young passes come less often (see the module's docstring).

    Called by ``wsgi.py`` once the application is loaded, and by the benchmarks before they time requests, so that
    they measure the collector as the server runs it.
    """
    gc.collect()
    gc.freeze()
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_PASS_EVERY, middle, oldest)


def skip_collections_at_exit() -> None:
    """Spare a finishing process the collector's passes over everything it loaded, once its work is done.

    As Python shuts down it clears its modules one by one and runs the collector as it goes. After ``migrate``,
    which renders hundreds of model states (webs of classes and fields), those passes took 10 seconds on 2 cores:
    longer than most commands' own work, and paid again by every test run and benchmark that migrates. Frozen at
    exit, the objects are left to the operating system, which takes the memory back at once. Nothing is lost: the
    passes only look for reference cycles, objects outside cycles are still freed (and open files flushed) by
    their reference counts, and the archive's database connections are closed before this runs.

    Registered with ``atexit``, which runs before the modules are cleared; for the command-line tool,
    ``manage.py``, the benchmarks and the test processes.
    """
    atexit.register(gc.freeze)
