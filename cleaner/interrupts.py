"""A signal that stops a run is never taken for one bad document.

A signal's handler raises where the main thread is. When that is inside a library that catches
it, or cannot stop cleanly (Resiliparse's HTML parser turns a pending ``KeyboardInterrupt`` into a
``DOMException`` or a ``None`` tree, or panics: ``PanicException``), the engines' per-document
handler saw a failure of that document, passed it through as an "internal error" and went on: the
user's Ctrl-C or SIGTERM was lost. So the CLI's handlers record the signal here before raising,
and the per-document handlers ask :func:`reraise` first: while a signal is pending, every failure
is the signal. :func:`check` between documents ends the run even when a library swallowed the
signal whole and returned as if nothing happened (that document's output is never written).

A library user who installs no handler gets Python's default SIGINT handler, which records
nothing: the engines behave as before.
"""

from __future__ import annotations

import signal
from collections.abc import Callable

_pending: Callable[[], BaseException] | None = None


def arrived(make: Callable[[], BaseException]) -> BaseException:
    """Record that a signal stopping the run arrived; its exception, for the handler to raise."""
    global _pending
    _pending = make
    return make()


def pending() -> Callable[[], BaseException] | None:
    """The pending signal's exception class (``KeyboardInterrupt``, the CLI's ``Terminated``), or None."""
    return _pending


def clear() -> None:
    """A new run (the CLI's ``main`` called again in one process, as the tests do)."""
    global _pending
    _pending = None


def check() -> None:
    """Raise the pending signal's exception, if any: between documents, before one is written."""
    if _pending is not None:
        raise _pending()


def reraise(exc: BaseException) -> None:
    """In a per-document failure handler: the failure is the signal when one is pending."""
    if _pending is not None:
        raise _pending() from exc


def is_document_failure(exc: BaseException) -> bool:
    """A failure of one document, which one bad record must not turn into the end of the run:
    any ``Exception``, and a Rust panic in an extension (PyO3's ``PanicException`` derives from
    ``BaseException``, so it escaped every handler, with a traceback). Never a signal's exception."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


def sigint_handler(signum, frame):
    raise arrived(KeyboardInterrupt)


def install_sigint() -> Callable | int | None:
    """Ctrl-C recorded as well as raised; the previous handler, to put back."""
    return signal.signal(signal.SIGINT, sigint_handler)
