"""The SPARQL worker process: `python -m kg.rdf._sparql_worker SNAPSHOT.nt`.

Loads the N-Triples snapshot into an in-memory pyoxigraph store, prints one header line, then
answers requests read from stdin, one JSON line each ({"query", "results", "graph",
"max_bytes"}), with a JSON header line ({"status", "format", "length"}, {"status": "error",
"message"} or {"status": "too_large"}) followed by `length` bytes of body. Serializing stops as
soon as the body passes max_bytes, so a huge answer is never built in full. A plain subprocess
rather than multiprocessing, so the server's main module is never re-imported in the child.
"""

from __future__ import annotations

import io
import json
import sys
from typing import BinaryIO

import pyoxigraph as ox


class _TooLarge(Exception):
    pass


class _CappedBuffer(io.BytesIO):
    """The serializers' output: refuses to grow past `limit` bytes."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if self.tell() + len(data) > self.limit:
            raise _TooLarge
        return super().write(data)


def _reply(out: BinaryIO, header: dict[str, object], body: bytes = b"") -> None:
    header["length"] = len(body)
    out.write(json.dumps(header).encode("utf-8") + b"\n" + body)
    out.flush()


def main(argv: list[str]) -> int:
    out = sys.stdout.buffer
    graph = ox.Store()
    try:
        with open(argv[0], "rb") as fh:
            graph.load(fh, format=ox.RdfFormat.N_TRIPLES)
    except Exception as exc:  # noqa: BLE001 - reported to the parent as text
        _reply(out, {"status": "error", "message": f"cannot load the graph snapshot: {exc}"})
        return 1
    _reply(out, {"status": "ready", "triples": len(graph)})
    for line in sys.stdin.buffer:
        request = json.loads(line)
        buffer = _CappedBuffer(request["max_bytes"])
        try:
            answer = graph.query(request["query"])
            if isinstance(answer, ox.QueryTriples):
                fmt = request["graph"]
                answer.serialize(buffer, format=getattr(ox.RdfFormat, fmt))
            else:
                fmt = request["results"]
                answer.serialize(buffer, format=getattr(ox.QueryResultsFormat, fmt))
            _reply(out, {"status": "ok", "format": fmt}, buffer.getvalue())
        except _TooLarge:
            _reply(out, {"status": "too_large"})
        except SyntaxError as exc:
            _reply(out, {"status": "error", "message": f"SPARQL syntax error: {exc}"})
        except Exception as exc:  # noqa: BLE001 - any engine failure is the client's answer
            _reply(out, {"status": "error", "message": f"query failed: {exc}"})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
