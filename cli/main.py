"""`kg`: the one console command. Each subcommand lives in its own small module."""

from __future__ import annotations

import click

from cli import export_cmd, ingest_cmd, jobs_cmd, neo4j_cmd, stats_cmd, web_cmd
from kg import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def kg() -> None:
    """Diplomatic-relations knowledge graph: news articles in, coded events out.

    \b
    Typical session:
      kg extract article.txt          # print the events found, store nothing
      kg ingest articles/             # extract and write to the configured store
      kg stats                        # what the store holds
      kg serve                        # the analyst web UI on http://127.0.0.1:5000
      kg demo                         # load a demo corpus into a fresh embedded store and serve it

    The store is the embedded one (a SQLite file under KG_DATA_DIR) unless KG_STORE=neo4j or
    NEO4J_URI is set; `kg neo4j start` runs a local Neo4j 5.26 without Docker.
    Settings: docs/configuration.md.
    """


for module in (ingest_cmd, stats_cmd, web_cmd, export_cmd, neo4j_cmd, jobs_cmd):
    for command in module.COMMANDS:
        kg.add_command(command)


def main() -> None:
    kg()
