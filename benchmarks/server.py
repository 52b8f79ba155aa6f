"""The running dashboard under real browsers: server memory, and users browsing during a load.

    .venv/bin/python benchmarks/server.py memory      [--rounds 2]
    .venv/bin/python benchmarks/server.py concurrency [--users 10] [--seconds 120] [--load DIR]

Starts the dashboard (``python -m dashboard --no-sample``) on a free loopback port on
``DATABASE_URL`` (SQLite or PostgreSQL; it must hold data), and drives it with headless Chromium
(Playwright, ``/usr/bin/chromium``). Only 127.0.0.1 is contacted; every loop is bounded.

``memory``: one scripted user opens every page of the navigation ``--rounds`` times while the
resident memory (RSS) of the server process and its children is sampled every 100 ms; prints
the peak. Target (issue 8): at most 1 GB.

``concurrency``: ``--users`` simulated users (one browser context each) open the pages in turn
for ``--seconds`` seconds; after a few seconds a data load (``python -m etl load DIR``, default a
freshly generated sample with another seed, so every region and month is replaced) runs in a
separate process against the same database. Prints the load's duration and outcome, p50/p95 of
the page times, and every failed page: a Streamlit exception box, a "database is locked"
message, or a page that did not finish within 60 s. Target: no errors.

A page time is from navigation until Streamlit reports the script finished (the status widget no
longer shows "Running") and the page heading is there.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

CHROMIUM = os.environ.get("HARTNETWERK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
PAGE_TIMEOUT_MS = 60_000
MEMORY_TARGET_MB = 1024


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """``python -m dashboard`` on a free loopback port, stopped with its process group."""

    def __init__(self, log_path: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "dashboard", "--no-sample", "--port", str(self.port),
                   "--server.address=127.0.0.1", "--server.headless=true"]
        self._log = log_path.open("wb")
        self.process = subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=self._log,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 180
        while True:
            if self.process.poll() is not None:
                raise SystemExit(f"the dashboard exited:\n{log_path.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as answer:
                    if answer.read().strip() == b"ok":
                        return
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise SystemExit("the dashboard did not become healthy in 180 s")
            time.sleep(0.5)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=20)
        self._log.close()


class MemorySampler(threading.Thread):
    """Peak RSS of a process and its children, sampled every ``interval`` seconds."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        import psutil

        self._process = psutil.Process(pid)
        self._interval = interval
        self._halt = threading.Event()
        self.peak = 0

    def run(self) -> None:
        import psutil

        while not self._halt.is_set():
            try:
                processes = [self._process, *self._process.children(recursive=True)]
                total = 0
                for process in processes:
                    try:
                        total += process.memory_info().rss
                    except psutil.NoSuchProcess:
                        pass
                self.peak = max(self.peak, total)
            except psutil.NoSuchProcess:
                return
            self._halt.wait(self._interval)

    def stop(self) -> int:
        self._halt.set()
        self.join(timeout=5)
        return self.peak


_FINISHED = """() => {
    const status = document.querySelector('[data-testid="stStatusWidget"]');
    return !!document.querySelector('h1')
        && (!status || !/Running|Bezig/.test(status.innerText));
}"""


async def _open(page, url: str) -> tuple[float, str | None]:
    """Seconds until the page finished, and an error text or None."""
    started = time.perf_counter()
    try:
        await page.goto(url, wait_until="domcontentloaded", timeout=PAGE_TIMEOUT_MS)
        await page.wait_for_selector('[data-testid="stAppViewContainer"]',
                                     timeout=PAGE_TIMEOUT_MS)
        # Streamlit starts the script after the websocket connects; give it a moment to show
        # "Running" so a finished-looking empty page is not taken for the result.
        await page.wait_for_timeout(150)
        await page.wait_for_function(_FINISHED, timeout=PAGE_TIMEOUT_MS, polling=50)
    except Exception as error:  # noqa: BLE001 - a timeout is a failed page, reported below
        return time.perf_counter() - started, f"not finished: {type(error).__name__}"
    seconds = time.perf_counter() - started
    exceptions = page.locator('[data-testid="stException"]')
    if await exceptions.count():
        return seconds, "exception: " + (await exceptions.first.inner_text())[:200]
    body = await page.locator("body").inner_text()
    if "database is locked" in body.lower():
        return seconds, "database is locked"
    return seconds, None


async def _page_urls(browser, base: str) -> list[str]:
    context = await browser.new_context(locale="nl-NL")
    page = await context.new_page()
    await _open(page, base + "/")
    links = page.locator('[data-testid="stSidebarNav"] a')
    hrefs = [await links.nth(i).get_attribute("href") for i in range(await links.count())]
    await context.close()
    urls = [href if href.startswith("http") else base + href for href in hrefs if href]
    return urls or [base + "/"]


async def _launch(playwright):
    return await playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                            args=CHROMIUM_ARGS)


async def memory(server: Server, rounds: int) -> int:
    from playwright.async_api import async_playwright

    sampler = MemorySampler(server.process.pid)
    sampler.start()
    async with async_playwright() as playwright:
        browser = await _launch(playwright)
        urls = await _page_urls(browser, server.url)
        context = await browser.new_context(locale="nl-NL", viewport={"width": 1400,
                                                                      "height": 1000})
        page = await context.new_page()
        for round_number in range(rounds):
            for url in urls:
                seconds, error = await _open(page, url)
                print(f"round {round_number + 1} {url.rsplit('/', 1)[-1] or 'home':<20} "
                      f"{seconds * 1000:7.0f} ms  {error or 'ok'}  "
                      f"server RSS now {sampler.peak / 2**20:6.0f} MB peak", flush=True)
        await browser.close()
    peak = sampler.stop()
    verdict = "meets" if peak <= MEMORY_TARGET_MB * 2**20 else "misses"
    print(f"peak server memory (RSS, server and children): {peak / 2**20:.0f} MB "
          f"({verdict} the target <= {MEMORY_TARGET_MB} MB)")
    return 0 if verdict == "meets" else 1


def _start_load(directory: Path, log_path: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "etl", "load", "--quiet", str(directory)],
                            cwd=PROJECT_ROOT, stdout=log_path.open("wb"),
                            stderr=subprocess.STDOUT)


async def concurrency(server: Server, users: int, seconds: float, load_dir: Path,
                      load_log: Path) -> int:
    from playwright.async_api import async_playwright

    results: list[tuple[float, float, str, str | None]] = []  # start, seconds, url, error
    async with async_playwright() as playwright:
        browser = await _launch(playwright)
        urls = await _page_urls(browser, server.url)
        deadline = time.monotonic() + seconds

        async def user(number: int) -> None:
            context = await browser.new_context(locale="nl-NL")
            page = await context.new_page()
            index = number  # users start on different pages
            while time.monotonic() < deadline:
                url = urls[index % len(urls)]
                index += 1
                started = time.monotonic()
                took, error = await _open(page, url)
                results.append((started, took, url, error))
            await context.close()

        tasks = [asyncio.create_task(user(n)) for n in range(users)]
        await asyncio.sleep(min(10.0, seconds / 4))
        load_started = time.monotonic()
        load = _start_load(load_dir, load_log)
        while load.poll() is None:
            await asyncio.sleep(0.5)
        load_seconds = time.monotonic() - load_started
        load_end = time.monotonic()
        await asyncio.gather(*tasks)
        await browser.close()

    print(f"load of {load_dir}: exit code {load.returncode} after {load_seconds:.1f} s; "
          f"last lines of its output:")
    print("  " + "\n  ".join(load_log.read_text(errors="replace").strip().splitlines()[-3:]))
    times = sorted(took for _, took, _, _ in results)
    during = sorted(took for start, took, _, _ in results
                    if load_started - took <= start <= load_end)
    errors = [(url, error) for _, _, url, error in results if error]

    def percentile(values: list[float], share: float) -> float:
        return values[min(len(values) - 1, int(round(share * (len(values) - 1))))] * 1000

    print(f"{users} users, {len(results)} page views in {seconds:.0f} s")
    print(f"all page views:       p50 {percentile(times, 0.5):6.0f} ms   "
          f"p95 {percentile(times, 0.95):6.0f} ms")
    if during:
        print(f"during the load ({len(during)}): p50 {percentile(during, 0.5):6.0f} ms   "
              f"p95 {percentile(during, 0.95):6.0f} ms")
    print(f"errors: {len(errors)}")
    for url, error in errors[:20]:
        print(f"  {url}: {error}")
    return 1 if errors or load.returncode else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("memory", "concurrency"))
    parser.add_argument("--rounds", type=int, default=2, help="memory: visits of every page")
    parser.add_argument("--users", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--load", type=Path, help="concurrency: files to load while browsing "
                        "(default: a freshly generated sample with seed 2027)")
    args = parser.parse_args(argv)
    if not os.environ.get("DATABASE_URL"):
        parser.error("set DATABASE_URL to a database with data (see benchmarks/README.md)")
    if not Path(CHROMIUM).exists():
        parser.error(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="hartnetwerk-server-bench-") as work:
        work = Path(work)
        server = Server(work / "server.log")
        try:
            if args.mode == "memory":
                return asyncio.run(memory(server, args.rounds))
            load_dir = args.load
            if load_dir is None:
                from etl.sample_data import generate

                load_dir = work / "sample-2027"
                generate(load_dir, seed=2027)
            return asyncio.run(concurrency(server, args.users, args.seconds, load_dir,
                                           work / "load.log"))
        finally:
            server.stop()


if __name__ == "__main__":
    sys.exit(main())
