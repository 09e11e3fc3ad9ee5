"""The part every framework adapter shares: settings that pickle, a Cleaner built in the worker.

Frameworks (datatrove, data-juicer) pickle a pipeline step to send it to each worker process.
OpenCC objects do not pickle, and building the cleaner where the step is declared would waste
the work anyway, so a step carries only its ``Config`` and takes the process's Cleaner for it
(``Cleaner.for_config``) on first use.
"""

from __future__ import annotations

from cleaner.config import Config


class LazyCleaner:
    """Mixin: ``self.cleaner``, the Cleaner of ``self.config`` in this process."""

    config: Config

    @property
    def cleaner(self):
        from cleaner.pipeline import Cleaner

        return Cleaner.for_config(self.config)


def clean_document(cleaner, text: object, url: object = None, *, title: object = None, details: bool = False):
    """(text out, Result or None, why it was passed through or None) for one document of a batch.

    ``url`` and ``title`` (the page's own ``<title>``, which names the post to keep on a page of
    several) are used when they are strings, as the JSON Lines engine uses a record's fields. A
    document that is an HTML page is read as the page (``Cleaner.run``: by its content, as a
    record's field is), unless the config keeps markup (``strip_markup=False``).

    A framework fails a whole task or batch when a step raises, so one document must never do
    it: a value that is not a string (None, a number), a document over ``max_chars`` or a bug on
    one text passes through unchanged with the reason, as the JSON Lines engine does.
    """
    from cleaner.config import DocumentTooLarge
    from cleaner.io.decode import NotText

    if not isinstance(text, str):
        return text, None, f"not a string ({type(text).__name__})"
    try:
        result = cleaner.run(text, url=url if isinstance(url, str) else None,
                             title=title if isinstance(title, str) else None, details=details)
    except DocumentTooLarge as exc:
        return text, None, f"too large ({exc})"
    except NotText as exc:
        return text, None, f"not text ({exc})"
    except Exception as exc:  # noqa: BLE001 - a bug on one document must not end the batch
        return text, None, f"internal error ({type(exc).__name__}: {exc})"
    return result.text, result, None
