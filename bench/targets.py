"""Write the peer run's targets: the shared harness's own file, plus the match-centre rows.

The shared targets (../shared/bench/targets.toml) measure the article, the front page and a club
page, because Wagtail has those too. The architecture and match-centre issues also hold the match,
competition and player pages to the kept and cached ratios, which are ratios to the stock hello in
the same run: so they must be rows of the same run, on the same servers. This adds them to each of
the project's servers (bench/peers.sh loads the demo's matches into the bench databases first).

Reading the shared file rather than copying it keeps the peers' settings where the harness keeps
them. Relative `chdir`s are made absolute, because the written file lives elsewhere.

    python bench/targets.py SHARED_TARGETS.toml OUT.toml
"""

import sys
import tomllib
from pathlib import Path

# Demo pages (articles/demo.py): the match with a full timeline and line-ups, a competition with
# a 20-club table from an imported season, and a player with appearances, goals and reports.
MATCH_CENTRE_ROWS = [
    ("match", "/matches/uefa-champions-league/2019-20/liverpool-v-napoli/"),
    ("competition", "/competitions/serie-a/"),
    ("player", "/players/dries-mertens/"),
]
PROJECT_SERVER_PREFIX = "main-"


def with_match_centre(config, shared_dir):
    for server in config["server"]:
        chdir = Path(server["chdir"])
        if not chdir.is_absolute():
            server["chdir"] = str((shared_dir / chdir).resolve())
        if not server["name"].startswith(PROJECT_SERVER_PREFIX):
            continue
        # "Project bare: article" → "Project bare: match", in the rows' own words.
        label = server["endpoints"][0]["row"].split(":")[0]
        known = {endpoint["path"] for endpoint in server["endpoints"]}
        server["endpoints"] += [
            {"row": f"{label}: {name}", "path": path} for name, path in MATCH_CENTRE_ROWS if path not in known
        ]
    return config


def toml_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {toml_value(item)}" for key, item in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def dump(config):
    lines = []
    for server in config["server"]:
        lines.append("[[server]]")
        lines += [f"{key} = {toml_value(value)}" for key, value in server.items()]
        lines.append("")
    return "\n".join(lines)


def main(shared_path, out_path):
    shared_path = Path(shared_path).resolve()
    config = tomllib.loads(shared_path.read_text())
    Path(out_path).write_text(dump(with_match_centre(config, shared_path.parent)))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
