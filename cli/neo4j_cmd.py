"""`kg neo4j install|start|stop|status`: a local Neo4j 5.26 Community server without Docker."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kg import neo4jlocal as local

_home = click.option(
    "--home",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the jars go (HOME/lib, shared by all instances). "
    "Default: $KG_NEO4J_HOME, else .neo4j at the top of the git checkout, else ./.neo4j.",
)
_data_dir = click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="This instance's database, logs, config and pid file. Default: HOME/data-BOLTPORT.",
)
_bolt = click.option(
    "--bolt-port",
    type=click.IntRange(1, 65535),
    default=None,
    help=f"Bolt port on 127.0.0.1 [default: {local.DEFAULT_BOLT_PORT}].",
)
_http = click.option(
    "--http-port",
    type=click.IntRange(1, 65535),
    default=None,
    help=f"HTTP port on 127.0.0.1 (Neo4j Browser at /browser/) "
    f"[default: {local.DEFAULT_HTTP_PORT}].",
)


def _instance(
    home: Path | None, data_dir: Path | None, bolt: int | None, http: int | None
) -> local.Instance:
    home = (home or local.default_home()).expanduser().resolve()
    if data_dir is None:
        data_dir = local.default_data_dir(home, bolt or local.DEFAULT_BOLT_PORT)
    data_dir = data_dir.expanduser().resolve()
    saved = local.load_ports(data_dir)
    if saved and bolt is None and http is None:
        bolt, http = saved
    return local.Instance(
        home=home,
        data_dir=data_dir,
        bolt_port=bolt or local.DEFAULT_BOLT_PORT,
        http_port=http or local.DEFAULT_HTTP_PORT,
    )


@click.group()
def neo4j() -> None:
    """Run a local Neo4j 5.26 Community server from Maven Central jars (no Docker).

    \b
    kg neo4j install     # once: Maven copies the jars into HOME/lib (~135 MB)
    kg neo4j start       # Bolt bolt://127.0.0.1:7687, Browser http://127.0.0.1:7474/browser/
    kg neo4j status
    kg neo4j stop

    Needs Java 17+ and Maven. Authentication is off and it listens on 127.0.0.1 only; point
    the app at it with KG_STORE=neo4j NEO4J_URI=bolt://127.0.0.1:7687. Several instances can
    share one HOME on different ports (each gets its own data directory). See docs/neo4j.md.
    """


@neo4j.command()
@_home
@click.option("--force", is_flag=True, help="Fetch the jars again even if installed.")
@click.option("--verbose", is_flag=True, help="Show Maven's output.")
def install(home: Path | None, force: bool, verbose: bool) -> None:
    """Copy Neo4j 5.26 Community and Neo4j Browser jars from Maven Central into HOME/lib."""
    inst = _instance(home, None, None, None)
    try:
        lib = local.install(inst.home, force=force, quiet=not verbose)
    except local.LocalNeo4jError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Neo4j {local.installed_version(inst.home)} jars in {lib}")


@neo4j.command()
@_home
@_data_dir
@_bolt
@_http
@click.option("--heap", default=local.DEFAULT_HEAP, show_default=True, help="JVM heap size.")
@click.option(
    "--pagecache", default=local.DEFAULT_PAGECACHE, show_default=True, help="Page cache size."
)
@click.option(
    "--timeout",
    type=float,
    default=local.DEFAULT_START_TIMEOUT,
    show_default=True,
    help="Seconds to wait for Bolt to answer.",
)
@click.option(
    "--install/--no-install",
    "do_install",
    default=True,
    show_default=True,
    help="Fetch the jars first if they are missing.",
)
def start(
    home: Path | None,
    data_dir: Path | None,
    bolt_port: int | None,
    http_port: int | None,
    heap: str,
    pagecache: str,
    timeout: float,
    do_install: bool,
) -> None:
    """Start the server in the background and wait until Bolt answers."""
    inst = _instance(home, data_dir, bolt_port, http_port)
    try:
        if do_install and not local.is_installed(inst.home):
            click.echo(f"Fetching Neo4j jars into {inst.lib_dir} (Maven) ...", err=True)
            local.install(inst.home)
        pid, seconds = local.start(inst, heap=heap, pagecache=pagecache, timeout=timeout)
    except local.LocalNeo4jError as exc:
        raise click.ClickException(str(exc)) from None
    if seconds == 0.0:
        click.echo(f"Neo4j already running (pid {pid}) on {inst.bolt_uri}")
        return
    click.echo(
        f"Neo4j started in {seconds:.1f} s (pid {pid})\n"
        f"  Bolt:    {inst.bolt_uri}  (auth disabled)\n"
        f"  Browser: {inst.http_url}/browser/\n"
        f"  Data:    {inst.data_dir}\n"
        f"  Log:     {inst.server_log}\n"
        f"Use it: KG_STORE=neo4j NEO4J_URI={inst.bolt_uri} kg stats"
    )


@neo4j.command()
@_home
@_data_dir
@_bolt
def stop(home: Path | None, data_dir: Path | None, bolt_port: int | None) -> None:
    """Stop the server cleanly (SIGTERM; SIGKILL after 60 s)."""
    inst = _instance(home, data_dir, bolt_port, None)
    if local.stop(inst):
        click.echo(f"Neo4j stopped ({inst.data_dir})")
    else:
        click.echo(f"Neo4j was not running ({inst.data_dir})")


@neo4j.command()
@_home
@_data_dir
@_bolt
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def status(home: Path | None, data_dir: Path | None, bolt_port: int | None, as_json: bool) -> None:
    """Report whether the server runs and answers on Bolt; exit code 1 if it does not."""
    inst = _instance(home, data_dir, bolt_port, None)
    st = local.status(inst)
    if as_json:
        info = {
            **st.to_dict(),
            "bolt_uri": inst.bolt_uri,
            "http_url": inst.http_url,
            "home": str(inst.home),
            "data_dir": str(inst.data_dir),
        }
        click.echo(json.dumps(info, indent=2))
    elif st.running:
        answer = f"answers (Neo4j {st.version})" if st.bolt_answers else "does not answer yet"
        click.echo(
            f"running: pid {st.pid}; {inst.bolt_uri} {answer}; Browser {inst.http_url}/browser/; "
            f"data {inst.data_dir}"
        )
    else:
        installed = f"jars {st.installed} installed" if st.installed else "not installed"
        click.echo(f"not running ({inst.data_dir}); {installed} in {inst.lib_dir}")
    raise SystemExit(0 if st.running and st.bolt_answers else 1)


COMMANDS = [neo4j]
