"""The SPARQL worker process: `python -m kg.rdf._sparql_worker SNAPSHOT.nt`.

Loads the N-Triples snapshot into an in-memory pyoxigraph store, prints one header line, then
answers requests read from stdin, one JSON line each ({"query", "results", "graph"}), with a
JSON header line ({"status", "format", "length"} or {"status": "error", "message"}) followed by
`length` bytes of body. A plain subprocess rather than multiprocessing, so the server's main
module is never re-imported in the child.
"""

from __future__ import annotations

import json
import sys
from typing import BinaryIO

import pyoxigraph as ox


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
        try:
            answer = graph.query(request["query"])
            if isinstance(answer, ox.QueryTriples):
                fmt = request["graph"]
                body = answer.serialize(format=getattr(ox.RdfFormat, fmt))
            else:
                fmt = request["results"]
                body = answer.serialize(format=getattr(ox.QueryResultsFormat, fmt))
            assert body is not None  # serialize() without an output returns the bytes
            _reply(out, {"status": "ok", "format": fmt}, body)
        except SyntaxError as exc:
            _reply(out, {"status": "error", "message": f"SPARQL syntax error: {exc}"})
        except Exception as exc:  # noqa: BLE001 - any engine failure is the client's answer
            _reply(out, {"status": "error", "message": f"query failed: {exc}"})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
