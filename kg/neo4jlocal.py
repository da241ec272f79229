"""A local Neo4j 5.26 Community server from Maven Central jars, for development and CI.

No Docker and no tarball: `install` lets Maven copy the server's jars (and Neo4j Browser's)
into HOME/lib once; `start` writes a neo4j.conf for one instance (its own data directory
and ports, so several instances can share the jars) and launches
`org.neo4j.server.CommunityEntryPoint` in the background; `stop` ends it with SIGTERM, which
Neo4j answers with a clean shutdown. Authentication is off and the server listens on
127.0.0.1 only: this is a developer's and CI's server, not a production one (docs/neo4j.md).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template

DEFAULT_BOLT_PORT = 7687
DEFAULT_HTTP_PORT = 7474
DEFAULT_HEAP = "512m"
DEFAULT_PAGECACHE = "256m"
DEFAULT_TX_MEMORY = "256m"
DEFAULT_START_TIMEOUT = 180.0
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"

# The JVM options Neo4j's own launcher adds for 5.x (see the stock neo4j.conf), minus the ones
# that pre-touch or pre-allocate memory, which a shared 2-core machine cannot spare.
JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+ExitOnOutOfMemoryError",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
)


class LocalNeo4jError(RuntimeError):
    """Installing, starting or stopping the local server failed; the message says how to fix it."""


def default_home(cwd: Path | None = None) -> Path:
    """KG_NEO4J_HOME, else .neo4j at the top of the enclosing git checkout, else ./.neo4j."""
    if os.environ.get("KG_NEO4J_HOME"):
        return Path(os.environ["KG_NEO4J_HOME"]).expanduser().resolve()
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder / ".neo4j"
    return here / ".neo4j"


def default_data_dir(home: Path, bolt_port: int) -> Path:
    """One data directory per Bolt port, so instances on different ports never share files."""
    return home / f"data-{bolt_port}"


@dataclass(frozen=True)
class Instance:
    """Where one server's files are and how to reach it."""

    home: Path
    data_dir: Path
    bolt_port: int = DEFAULT_BOLT_PORT
    http_port: int = DEFAULT_HTTP_PORT

    @property
    def lib_dir(self) -> Path:
        return self.home / "lib"

    @property
    def conf_dir(self) -> Path:
        return self.data_dir / "conf"

    @property
    def pid_file(self) -> Path:
        return self.data_dir / "neo4j.pid"

    @property
    def console_log(self) -> Path:
        return self.data_dir / "neo4j-console.log"

    @property
    def server_log(self) -> Path:
        return self.data_dir / "logs" / "neo4j.log"

    @property
    def state_file(self) -> Path:
        return self.data_dir / "instance.json"

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"


# -- install -------------------------------------------------------------------------------
def _marker(home: Path) -> Path:
    return home / "lib" / ".installed"


def is_installed(home: Path) -> bool:
    return _marker(home).exists()


def install(home: Path, force: bool = False, quiet: bool = True) -> Path:
    """Copy the Neo4j server and Browser jars from Maven Central into HOME/lib (once).

    Returns the lib directory. Maven keeps its own cache (~/.m2), so a second home is cheap.
    """
    lib = home / "lib"
    if is_installed(home) and not force:
        return lib
    mvn = shutil.which("mvn")
    if mvn is None:
        raise LocalNeo4jError(
            "Maven (`mvn`) is not on PATH; install it (Debian/Ubuntu: apt-get install maven) "
            "and a Java 17 JDK, then run `kg neo4j install` again"
        )
    java_major()  # fail early, with a clear message, if Java is missing or too old
    home.mkdir(parents=True, exist_ok=True)
    pom = home / "pom.xml"
    pom.write_text(_package_file("pom.xml"), encoding="utf-8")
    cmd = [
        mvn,
        "-B",
        "-f",
        str(pom),
        "dependency:copy-dependencies",
        f"-Dkg.lib.dir={lib}",
    ]
    if quiet:
        cmd.insert(1, "-q")
    proc = subprocess.run(cmd, capture_output=quiet, text=True, check=False)
    if proc.returncode != 0:
        output = (proc.stdout or "") + (proc.stderr or "")
        raise LocalNeo4jError(
            f"`{' '.join(cmd)}` failed with exit code {proc.returncode}:\n{_tail_text(output)}"
        )
    jars = sorted(lib.glob("neo4j-server-*.jar"))
    if not jars:
        raise LocalNeo4jError(f"Maven finished but {lib} holds no neo4j-server jar")
    _marker(home).write_text(jars[0].name.removeprefix("neo4j-server-").removesuffix(".jar"))
    return lib


def installed_version(home: Path) -> str | None:
    return _marker(home).read_text().strip() if is_installed(home) else None


def _package_file(name: str) -> str:
    return resources.files("kg").joinpath("neo4j", name).read_text(encoding="utf-8")


def java_executable() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").exists():
        return str(Path(java_home) / "bin" / "java")
    found = shutil.which("java")
    if found is None:
        raise LocalNeo4jError("Java is not installed; Neo4j 5.26 needs a Java 17 or 21 runtime")
    return found


def java_major() -> int:
    """The major version of the Java runtime; Neo4j 5.26 needs 17 or 21."""
    java = java_executable()
    proc = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    match = re.search(r'version "(\d+)(?:\.(\d+))?', proc.stderr + proc.stdout)
    if not match:
        raise LocalNeo4jError(f"cannot tell the Java version from `{java} -version`")
    major = int(match.group(1))
    if major == 1 and match.group(2):
        major = int(match.group(2))
    if major < 17:
        raise LocalNeo4jError(f"{java} is Java {major}; Neo4j 5.26 needs Java 17 or 21")
    return major


# -- start / stop / status -----------------------------------------------------------------
def write_config(
    inst: Instance,
    heap: str = DEFAULT_HEAP,
    pagecache: str = DEFAULT_PAGECACHE,
    tx_memory: str = DEFAULT_TX_MEMORY,
) -> Path:
    """HOME-independent neo4j.conf for this instance, from kg/neo4j/neo4j.conf.template."""
    text = Template(_package_file("neo4j.conf.template")).substitute(
        home=inst.home.as_posix(),
        data_dir=inst.data_dir.as_posix(),
        bolt_port=inst.bolt_port,
        http_port=inst.http_port,
        heap=heap,
        pagecache=pagecache,
        tx_memory=tx_memory,
    )
    inst.conf_dir.mkdir(parents=True, exist_ok=True)
    path = inst.conf_dir / "neo4j.conf"
    path.write_text(text, encoding="utf-8")
    return path


def java_command(inst: Instance, heap: str = DEFAULT_HEAP) -> list[str]:
    return [
        java_executable(),
        f"-Xms{heap}",
        f"-Xmx{heap}",
        *JVM_FLAGS,
        "-cp",
        f"{inst.home / 'plugins'}/*:{inst.lib_dir}/*",
        ENTRY_POINT,
        f"--home-dir={inst.home}",
        f"--config-dir={inst.conf_dir}",
    ]


def running_pid(inst: Instance) -> int | None:
    """The pid in the pid file if that process is alive and is a Neo4j server, else None."""
    try:
        pid = int(inst.pid_file.read_text().strip())
    except (FileNotFoundError, ValueError):
        return None
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        # No /proc (macOS): fall back to "is some process with that pid alive".
        try:
            os.kill(pid, 0)
        except OSError:
            return None
        return pid
    return pid if ENTRY_POINT in cmdline and str(inst.conf_dir) in cmdline else None


def port_in_use(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def bolt_answers(uri: str, timeout: float = 5.0) -> str | None:
    """The server's version string if `RETURN 1` runs over Bolt, else None."""
    import neo4j

    try:
        with neo4j.GraphDatabase.driver(
            uri, auth=None, connection_timeout=timeout, max_transaction_retry_time=0
        ) as driver:
            records, _, _ = driver.execute_query(
                "CALL dbms.components() YIELD versions RETURN versions[0] AS v",
                database_="neo4j",
            )
            return str(records[0]["v"])
    except Exception:  # noqa: BLE001 - any failure means "not answering yet"
        return None


def start(
    inst: Instance,
    heap: str = DEFAULT_HEAP,
    pagecache: str = DEFAULT_PAGECACHE,
    timeout: float = DEFAULT_START_TIMEOUT,
) -> tuple[int, float]:
    """Launch the server in the background and wait until Bolt answers a query.

    Returns (pid, seconds it took). Already running: returns its pid and 0.
    """
    if not is_installed(inst.home):
        raise LocalNeo4jError(
            f"no Neo4j jars in {inst.lib_dir}; run `kg neo4j install --home {inst.home}` first"
        )
    pid = running_pid(inst)
    if pid is not None:
        return pid, 0.0
    for port, what in ((inst.bolt_port, "--bolt-port"), (inst.http_port, "--http-port")):
        if port_in_use(port):
            raise LocalNeo4jError(
                f"port {port} is already in use (another Neo4j or program?); choose another "
                f"{what}, or stop the other server"
            )
    java_major()
    inst.data_dir.mkdir(parents=True, exist_ok=True)
    (inst.home / "plugins").mkdir(exist_ok=True)
    write_config(inst, heap=heap, pagecache=pagecache)
    began = time.monotonic()
    with open(inst.console_log, "ab") as log:
        log.write(f"\n=== kg neo4j start {time.strftime('%Y-%m-%d %H:%M:%S')} ===\n".encode())
        log.flush()
        proc = subprocess.Popen(
            java_command(inst, heap=heap),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=inst.data_dir,
            start_new_session=True,  # not killed by the terminal's Ctrl-C
        )
    inst.pid_file.write_text(str(proc.pid))
    inst.state_file.write_text(
        json.dumps(
            {
                "pid": proc.pid,
                "bolt_port": inst.bolt_port,
                "http_port": inst.http_port,
                "home": str(inst.home),
                "heap": heap,
                "pagecache": pagecache,
            },
            indent=2,
        )
    )
    deadline = began + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            inst.pid_file.unlink(missing_ok=True)
            raise LocalNeo4jError(
                f"Neo4j exited with code {proc.returncode} while starting.\n{log_tail(inst)}"
            )
        if port_in_use(inst.bolt_port) and bolt_answers(inst.bolt_uri):
            return proc.pid, time.monotonic() - began
        time.sleep(0.5)
    _terminate(proc.pid, grace=30)
    inst.pid_file.unlink(missing_ok=True)
    raise LocalNeo4jError(
        f"Neo4j did not answer on {inst.bolt_uri} within {timeout:.0f} s; stopped it.\n"
        f"{log_tail(inst)}"
    )


def stop(inst: Instance, grace: float = 60.0) -> bool:
    """SIGTERM (Neo4j shuts down cleanly), SIGKILL after `grace` seconds. False if not running."""
    pid = running_pid(inst)
    if pid is None:
        inst.pid_file.unlink(missing_ok=True)
        return False
    _terminate(pid, grace)
    inst.pid_file.unlink(missing_ok=True)
    return True


def _terminate(pid: int, grace: float) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if not _alive(pid):
            return
        time.sleep(0.2)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    while _alive(pid):
        time.sleep(0.1)


def _alive(pid: int) -> bool:
    # Reap it if it is our child (start() timing out), so it does not linger as a zombie.
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            return False
    except ChildProcessError:
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except (OSError, IndexError):
        return True
    return state != "Z"


@dataclass(frozen=True)
class Status:
    running: bool
    pid: int | None
    bolt_answers: bool
    version: str | None
    installed: str | None

    def to_dict(self) -> dict[str, object]:
        return {
            "running": self.running,
            "pid": self.pid,
            "bolt_answers": self.bolt_answers,
            "version": self.version,
            "installed": self.installed,
        }


def status(inst: Instance) -> Status:
    pid = running_pid(inst)
    version = bolt_answers(inst.bolt_uri) if pid is not None else None
    return Status(
        running=pid is not None,
        pid=pid,
        bolt_answers=version is not None,
        version=version,
        installed=installed_version(inst.home),
    )


def load_ports(data_dir: Path) -> tuple[int, int] | None:
    """The ports an instance was last started with (for stop/status without --bolt-port)."""
    try:
        state = json.loads((data_dir / "instance.json").read_text())
        return int(state["bolt_port"]), int(state["http_port"])
    except (OSError, ValueError, KeyError):
        return None


def log_tail(inst: Instance, lines: int = 25) -> str:
    parts = []
    for path in (inst.console_log, inst.server_log):
        if path.exists():
            text = path.read_text(encoding="utf-8", errors="replace")
            parts.append(f"--- last lines of {path} ---\n{_tail_text(text, lines)}")
    return "\n".join(parts) or "(no log written)"


def _tail_text(text: str, lines: int = 25) -> str:
    return "\n".join(text.rstrip().splitlines()[-lines:])
