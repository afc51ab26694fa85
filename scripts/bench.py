#!/usr/bin/env python3
"""Full-build benchmark: hui against Hugo (and Zola) on the same site.

Usage:
    python3 scripts/bench.py [N ...] [--runs 5] [--work DIR] [--peers GEN]

For each N (default: 1000 10000) it writes one synthetic bilingual site and
builds it with every tool it finds, alternating tools run by run, and prints
the median wall time, CPU time (user + sys), peak memory and pages per
second of each, and hui's ratios to Hugo. `hui-inv` is the same site with a
share of its entries turned into projects, carriers and events; `hui-nos` is
hui's build without the search index, to show what indexing adds. Every timed run starts without an
output folder (the previous one is moved aside untimed and deleted after the
series) and after a `sync`, like the peer figures in
../shared/bench/PEERS.md.

The site comes from ../shared/bench/gen_peer_sites.py when it exists (or
--peers PATH): it writes identical content for hui, Hugo and Zola. Without
it, only hui is measured, on `cargo run --example gen_site`'s site.
Needs /usr/bin/time (Debian package `time`); Hugo from the Debian package
`hugo`; zola if it is on PATH.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PEERS = REPO.parent / "shared" / "bench" / "gen_peer_sites.py"


def run(cmd, cwd=None, quiet=False):
    out = subprocess.DEVNULL if quiet else None
    subprocess.run(cmd, cwd=cwd, check=True, stdout=out, stderr=out)


def timed(cmd, cwd):
    """Wall s, CPU s, peak KB of one run, through /usr/bin/time."""
    with tempfile.NamedTemporaryFile("r") as report:
        subprocess.run(
            ["/usr/bin/time", "-o", report.name, "-f", "%e %U %S %M"] + cmd,
            cwd=cwd,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wall, user, system, peak = report.read().split()[-4:]
    return float(wall), float(user) + float(system), int(peak)


def count_html(folder):
    return sum(1 for _ in Path(folder).rglob("*.html"))


def tools(site_root, hui):
    """(name, folder, command, output folder) of every tool available."""
    found = [("hui", site_root / "hui", [str(hui), "build", "--quiet"], "public"),
             # The same number of entries with the policies shared out among
             # policies, projects, carriers and events (scripts/investor_site.py).
             ("hui-inv", site_root / "hui-inv", [str(hui), "build", "--quiet"], "public"),
             # The same build without the search index (HUI_NO_SEARCH): what
             # indexing adds.
             ("hui-nos", site_root / "hui", ["env", "HUI_NO_SEARCH=1", str(hui), "build", "--quiet"],
              "public"),
             # The offline copy (links that name index.html) and its zip.
             ("hui-off", site_root / "hui", [str(hui), "build", "--offline", "--quiet"], "offline")]
    if (site_root / "hugo").is_dir() and shutil.which("hugo"):
        found.append(("hugo", site_root / "hugo", ["hugo", "--quiet"], "public"))
    if (site_root / "zola").is_dir() and shutil.which("zola"):
        found.append(("zola", site_root / "zola", ["zola", "build"], "public"))
    return found


def bench(n, runs, work, peers, hui):
    site_root = work / f"site-{n}"
    if not site_root.exists():
        if peers.exists():
            run([sys.executable, str(peers), str(n), str(site_root)], quiet=True)
        else:
            (site_root / "hui").mkdir(parents=True)
            run(["cargo", "run", "--release", "--quiet", "--example", "gen_site", "--",
                 str(site_root / "hui"), str(n)], cwd=REPO, quiet=True)
    if not (site_root / "hui-inv").exists():
        run([sys.executable, str(REPO / "scripts" / "investor_site.py"),
             str(site_root / "hui"), str(site_root / "hui-inv")], quiet=True)
    results = {}
    aside = work / "aside"
    aside.mkdir(exist_ok=True)
    for name, folder, cmd, out in tools(site_root, hui):
        run(cmd, cwd=folder, quiet=True)  # warm-up: sources in the page cache
        results[name] = {"runs": [], "pages": count_html(folder / out)}
    for i in range(runs):
        for name, folder, cmd, out in tools(site_root, hui):
            output = folder / out
            if output.exists():
                output.rename(aside / f"{name}-{i}")
            # Flush the previous run's writes so they are not billed to this one.
            os.sync()
            results[name]["runs"].append(timed(cmd, folder))
    shutil.rmtree(aside)
    print(f"\nN = {n:,} entries")
    print(f"{'tool':7} {'pages':>7} {'wall s (median, min-max)':>28} {'CPU s':>7} {'peak MiB':>9} {'pages/s':>8}")
    for name, r in results.items():
        walls = [w for w, _, _ in r["runs"]]
        wall = statistics.median(walls)
        cpu = statistics.median(c for _, c, _ in r["runs"])
        peak = statistics.median(p for _, _, p in r["runs"]) / 1024
        r.update(wall=wall, peak=peak)
        print(f"{name:7} {r['pages']:>7,} {wall:>9.2f} ({min(walls):.2f}-{max(walls):.2f}){'':>7} "
              f"{cpu:>7.2f} {peak:>9.0f} {r['pages'] / wall:>8,.0f}")
    print(f"search index: adds {results['hui']['wall'] / results['hui-nos']['wall'] - 1:+.1%} "
          f"to the wall time")
    print(f"offline copy / build: wall {results['hui-off']['wall'] / results['hui']['wall']:.2f}x")
    print(f"with projects, carriers and events / without: wall "
          f"{results['hui-inv']['wall'] / results['hui']['wall']:.2f}x")
    if "hugo" in results:
        hugo = results["hugo"]
        print(f"hui / hugo: wall {results['hui']['wall'] / hugo['wall']:.2f}x, "
              f"peak memory {results['hui']['peak'] / hugo['peak']:.2f}x")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "hui-bench")
    ap.add_argument("--peers", type=Path, default=DEFAULT_PEERS)
    args = ap.parse_args()
    if not Path("/usr/bin/time").exists():
        sys.exit("error: /usr/bin/time is missing (Debian: apt-get install time)")
    run(["cargo", "build", "--release", "--quiet"], cwd=REPO)
    hui = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target")) / "release" / "hui"
    args.work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} CPUs; sites in {args.work}")
    for n in args.sizes:
        bench(n, args.runs, args.work, args.peers, hui)


if __name__ == "__main__":
    main()
