"""Remember pyld's processed JSON-LD contexts across nodes and documents.

pyld re-processes a type-scoped context (``propagate: false``) every time it enters a
node of that type, because it gives each clone of the active context a fresh id and so
misses its own cache. Credentials are full of typed nodes (Achievement, Profile,
Evidence, ...) under the large VC and Open Badges contexts, so most of the time spent
canonicalizing went into rebuilding the same term definitions.

Processing a context is a pure function of the active context, the local context and
the flags, and pyld's processed contexts are frozen, so the result can be shared. The
memo only applies to active contexts that pyld already identifies (``_uuid``) and to
calls that use lerkit's offline document loader; everything else goes to pyld as is.
The test vectors and the reference verifier check that the output is unchanged.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from pyld import jsonld

from lerkit.core.credentials.loader import document_loader

MAX_ENTRIES = 4096
_lock = threading.Lock()
_installed = False


def _context_key(local_ctx: Any) -> object | None:
    if isinstance(local_ctx, str):
        return local_ctx
    if isinstance(local_ctx, list) and all(isinstance(c, str) for c in local_ctx):
        return tuple(local_ctx)
    if isinstance(local_ctx, dict) or type(local_ctx).__name__ == "frozendict":
        return ("object", id(local_ctx))
    return None


def install_context_memo() -> None:
    """Wrap ``JsonLdProcessor._process_context`` with a bounded memo (idempotent)."""
    global _installed
    with _lock:
        if _installed:
            return
        original = jsonld.JsonLdProcessor._process_context
        memo: OrderedDict[tuple[object, ...], tuple[Any, Any]] = OrderedDict()

        def process_context(self: Any, active_ctx: Any, local_ctx: Any, options: Any,
                            override_protected: bool = False, propagate: bool = True,
                            validate_scoped: bool = True, cycles: Any = None) -> Any:
            uid = active_ctx.get("_uuid") if hasattr(active_ctx, "get") else None
            ctx_key = _context_key(local_ctx)
            usable = (uid is not None and ctx_key is not None and cycles is None
                      and options.get("documentLoader") is document_loader)
            key = (uid, ctx_key, override_protected, propagate, validate_scoped)
            if usable:
                with _lock:
                    hit = memo.get(key)
                    if hit is not None:
                        memo.move_to_end(key)
                        return hit[1]
            result = original(self, active_ctx, local_ctx, options, override_protected,
                              propagate, validate_scoped, cycles)
            if usable and type(result).__name__ == "frozendict":
                with _lock:
                    # keep the local context alive so its id() is never reused
                    memo[key] = (local_ctx, result)
                    if len(memo) > MAX_ENTRIES:
                        memo.popitem(last=False)
            return result

        jsonld.JsonLdProcessor._process_context = process_context
        _installed = True
