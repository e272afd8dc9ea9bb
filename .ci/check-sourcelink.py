#!/usr/bin/env python3
"""Checks that every package says truly where its source is.

With a public origin (an https URL), every .nuspec's <repository> must carry that URL and the commit that was
built (HEAD), and every symbol package's .pdb must carry a SourceLink map to that commit on that host. Without one
(no remote, a local path, ssh), nothing may claim a repository: no url or commit in the .nuspec and no SourceLink
map in the .pdb. Offline: it reads git, the zips and the PDBs' bytes (SourceLink is a UTF-8 JSON blob in them).
  .ci/check-sourcelink.py artifacts
"""
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path


def git(*args):
    run = subprocess.run(["git", *args], capture_output=True, text=True)
    return run.stdout.strip() if run.returncode == 0 else ""


def public_origin():
    url = git("remote", "get-url", "origin")
    if not re.fullmatch(r"https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}/\S+", url) or re.match(r"https://(localhost|127\.)", url):
        return None
    return url[:-4] if url.endswith(".git") else url


def source_link(pdb_bytes):
    start = pdb_bytes.find(b'{"documents":')
    if start < 0:
        return None
    depth = 0
    for end in range(start, len(pdb_bytes)):
        depth += {ord("{"): 1, ord("}"): -1}.get(pdb_bytes[end], 0)
        if depth == 0:
            return json.loads(pdb_bytes[start:end + 1].decode("utf-8"))
    return None


def main(artifacts):
    origin, head = public_origin(), git("rev-parse", "HEAD")
    problems = []
    for package in sorted(Path(artifacts).glob("*.nupkg")):
        with zipfile.ZipFile(package) as z:
            nuspec = z.read(next(n for n in z.namelist() if n.endswith(".nuspec"))).decode("utf-8")
        repository = re.search(r"<repository\b[^>]*/?>", nuspec)
        attributes = dict(re.findall(r'(\w+)="([^"]*)"', repository.group(0))) if repository else {}
        url, commit = attributes.get("url", ""), attributes.get("commit", "")
        url = url[:-4] if url.endswith(".git") else url
        if origin and (url != origin or commit != head):
            problems.append(f"{package.name}: <repository url='{url}' commit='{commit}'>, expected '{origin}' at {head}")
        if not origin and url:
            problems.append(f"{package.name}: claims repository '{url}' though git has no public origin")

        symbols = package.with_suffix(".snupkg")
        if not symbols.exists():
            problems.append(f"{package.name}: no {symbols.name}")
            continue
        with zipfile.ZipFile(symbols) as z:
            for pdb in (n for n in z.namelist() if n.endswith(".pdb")):
                link = source_link(z.read(pdb))
                targets = list((link or {}).get("documents", {}).values())
                if origin:
                    host_path = origin.removeprefix("https://").split("/", 1)
                    wanted = re.compile(re.escape(host_path[1]) + r"/" + re.escape(head) + r"/")
                    if not targets or not all(wanted.search(t) for t in targets):
                        problems.append(f"{symbols.name}/{pdb}: SourceLink {targets[:1]} does not point at {origin} at {head}")
                elif link is not None:
                    problems.append(f"{symbols.name}/{pdb}: a SourceLink map {targets[:1]} though git has no public origin")
        print(f"sourcelink check: {package.name} " + (f"points at {origin} at {head[:12]}" if origin else "claims no repository (no public origin)"))
    for problem in problems:
        print(f"sourcelink check: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "artifacts"))
