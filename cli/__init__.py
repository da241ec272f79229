"""The `kg` command line: the top of the data flow, calling ingest, kg, queries and web."""
