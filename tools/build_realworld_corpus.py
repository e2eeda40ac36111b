#!/usr/bin/env python3
"""Rebuild the real-world conformance corpus from public repositories at fixed commits.

RealWorldConformanceTest (docs/conformance-real-world.md, docs/conformance.md) validates nine real public
Amazon Redshift projects. Their SQL is not ours to commit, so the corpus is kept outside this repository, in
../realworld-corpus; this script is how it is rebuilt, byte for byte, from the commits listed below. It reads
bare git mirrors of the repositories (one git dir per repository, found as <mirrors>/<owner>+<name>/repo or
<mirrors>/<owner>+<name>) with `git --git-dir=... show <commit>:<path>`, and writes:

  <out>/<project>/absolute/     the DDL model as it is now (CREATE SCHEMA/TABLE/VIEW)
  <out>/<project>/incremental/  Flyway changesets, V<version>__<description>.sql, in the project's real order
  <out>/<project>/etl/          queries and ETL the project runs against the model, in run order
  <out>/<project>/admin/        (amazon-redshift-utils-admin only) admin and monitoring SQL over system views
  <out>/SOURCES.tsv             project, repository, commit, original path, corpus path of every file
  <out>/README.md               what the corpus is and how it was rebuilt
  <out>/build_corpus.py         a copy of this script

Only .sql files are copied, unchanged. The mapping below is data: (repository, commit, original path or glob)
to corpus path. Usage, standard library only:

  python3 tools/build_realworld_corpus.py --mirrors /work/.mirror --out ../realworld-corpus

The output is deterministic: the same mirrors give the same bytes.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys

# ---------------------------------------------------------------------------------------------------------------
# Data: sources and mapping
# ---------------------------------------------------------------------------------------------------------------

SUBFOLDERS = ("absolute", "incremental", "etl", "admin")

IGLU = "snowplow/iglu-central"
SNOWPLOW = "snowplow/snowplow"
DATA_MODELS = "snowplow/data-models"
RS_UTILS = "awslabs/amazon-redshift-utils"
ARA = "aws-samples/aws-analytics-reference-architecture"
ARTHUR = "harrystech/arthur-redshift-etl"
CLICKBENCH = "ClickHouse/ClickBench"

IGLU_C = "cbac22edd8c67e09413c19e80c3d7354e1f010c8"        # iglu-central, R183 (2026-04)
SP_R1 = "c1c6a3fe5bfafbfc5fffabc08f6049660fa3a881"         # snowplow, 2014-11: change_form_1 release 1
SP_R3 = "b1389bdbec9f693c537ef3edb2ecce97f8ccec3e"         # snowplow, 2015-03: wd_access_log_1 1-0-3
SP_NOW = "2b4b7a8ac7df842940af26a97a6f2fae8f5cda15"        # snowplow, 2026-06: atomic model and its chain
SP_001 = "c9b8a502ae01a92b79a58f35b521f98e138b673b"        # snowplow, 2013-04: the first Redshift table, 0.0.1
DM_C = "dde99f4b1da6c8c4e9f4f0ad3cf60c5496a6e0ba"          # data-models, 2025-01
RSU_C = "f208c1100370eebca8b38d3e7d0654fb337e3463"         # amazon-redshift-utils, 2025-09
ARA_C = "f50a6ac8777c4bf810e92496a4804e37dcd5c4a7"         # aws-analytics-reference-architecture, 2024-02
ARTHUR_C = "24c829524886b6fb0f9a5969bd0c348fc7e9bfac"      # arthur-redshift-etl, 2023-09
CB_C = "faa7e582cf7f2be943d11e5340fdc8a274671f2f"          # ClickBench, 2026-08

# Projects in the order of SOURCES.tsv (and so of the Sources table of docs/conformance-real-world.md).
PROJECTS = [
    "snowplow-iglu-central",
    "snowplow-atomic-events",
    "snowplow-data-models-web-redshift",
    "amazon-redshift-utils-admin",
    "amazon-redshift-utils-cloud-dwb-tpcds",
    "amazon-redshift-utils-cloud-dwb-tpch",
    "aws-analytics-reference-architecture-dwh",
    "arthur-redshift-etl",
    "clickbench-redshift",
]

# Each rule: project, repository, commit, source (a path, or a glob where * stays within a folder and ** crosses
# folders), corpus path (a template). A glob's matches are taken in path order, or in the order of `order` when
# given (each match must be listed there). Template fields:
#   {path}  the original path          {rel}  the path below `base`
#   {flat}  {rel} with / as __         {seq}  01, 02, ... the match's place in that order
# `exclude` lists globs a glob's matches must not match.


def R(project, repo, commit, source, target, **options):
    return dict(project=project, repo=repo, commit=commit, source=source, target=target, **options)


SP_SQL = "4-storage/redshift-storage/sql/"
ATOMIC_CHAIN = ["0.0.1", "0.1.0", "0.2.0", "0.2.1", "0.2.2", "0.3.0", "0.4.0", "0.5.0", "0.6.0", "0.7.0", "0.8.0",
                "0.9.0", "0.10.0", "0.11.0"]
DM_SQL = "web/v1/redshift/sql-runner/sql/"
DM_MIGRATIONS = DM_SQL + "standard/99-migrations/"
# sql-runner's run order: the metadata module's setup, then configs/example_with_custom.json (datamodeling.json
# with the custom module: every module's main playbook, then every module's complete playbook), each playbook's
# queries in its order, then the metadata module's completion and configs/teardown_all.json's destroy steps.
DM_RUN_ORDER = [
    "standard/00-setup/01-main/00-setup-metadata.sql",
    "standard/01-base/01-main/00-setup-base.sql",
    "standard/01-base/01-main/01-new-events-limits.sql",
    "standard/01-base/01-main/02-run-manifest.sql",
    "standard/01-base/01-main/03-sessions-to-process.sql",
    "standard/01-base/01-main/04-sessions-to-include.sql",
    "standard/01-base/01-main/05-batch-limits.sql",
    "standard/01-base/01-main/06-events-this-run.sql",
    "standard/01-base/01-main/07-duplicates.sql",
    "standard/01-base/01-main/08-add-page-view-id.sql",
    "standard/01-base/01-main/09-metadata.sql",
    "standard/01-base/01-main/10-commit-base.sql",
    "standard/02-page-views/01-main/00-setup-page-views.sql",
    "standard/02-page-views/01-main/01-page-view-limits.sql",
    "standard/02-page-views/01-main/02-page-view-events.sql",
    "standard/02-page-views/01-main/03-page-view-duplicates.sql",
    "standard/02-page-views/01-main/04-engaged-time.sql",
    "standard/02-page-views/01-main/05-scroll-depth.sql",
    "standard/02-page-views/01-main/06-a-iab.sql",
    "standard/02-page-views/01-main/06-b-ua-parser.sql",
    "standard/02-page-views/01-main/06-c-yauaa.sql",
    "standard/02-page-views/01-main/07-page-views.sql",
    "standard/02-page-views/01-main/08-page-views-metadata.sql",
    "standard/02-page-views/01-main/09-commit-page-views.sql",
    "custom/02-page-views-join/01-page-views-join-setup.sql",
    "custom/02-page-views-join/02-page-views-join-staged.sql",
    "custom/02-page-views-join/03-page-views-join-upsert.sql",
    "standard/03-sessions/01-main/00-setup-sessions.sql",
    "standard/03-sessions/01-main/01-sessions-aggs.sql",
    "standard/03-sessions/01-main/02-sessions-lasts.sql",
    "standard/03-sessions/01-main/03-sessions.sql",
    "standard/03-sessions/01-main/04-sessions-metadata.sql",
    "standard/03-sessions/01-main/05-sessions-prep-manifest.sql",
    "standard/03-sessions/01-main/06-commit-sessions.sql",
    "standard/04-users/01-main/00-setup-users.sql",
    "standard/04-users/01-main/01-userids-this-run.sql",
    "standard/04-users/01-main/02-users-limits.sql",
    "standard/04-users/01-main/03-users-sessions-this-run.sql",
    "standard/04-users/01-main/04-users-aggs.sql",
    "standard/04-users/01-main/05-users-lasts.sql",
    "standard/04-users/01-main/06-users.sql",
    "standard/04-users/01-main/07-users-metadata.sql",
    "standard/04-users/01-main/08-commit-users.sql",
    "standard/01-base/99-complete/98-base-manifest.sql",
    "standard/01-base/99-complete/99-base-cleanup.sql",
    "standard/02-page-views/99-complete/98-drop-base-staged.sql",
    "standard/02-page-views/99-complete/99-page-views-cleanup.sql",
    "custom/02-page-views-join/99-page-views-join-cleanup.sql",
    "standard/03-sessions/99-complete/98-truncate-page-views-staged.sql",
    "standard/03-sessions/99-complete/99-sessions-cleanup.sql",
    "standard/04-users/99-complete/98-manifest-and-truncate.sql",
    "standard/04-users/99-complete/99-users-cleanup.sql",
    "standard/00-setup/99-complete/01-cleanup-metadata.sql",
    "standard/00-setup/XX-destroy/XX-destroy-metadata.sql",
    "standard/01-base/XX-destroy/XX-destroy-base.sql",
    "standard/02-page-views/XX-destroy/XX-destroy-page-views.sql",
    "standard/03-sessions/XX-destroy/XX-destroy-sessions.sql",
    "standard/04-users/XX-destroy/XX-destroy-users.sql",
]
CDWB = "src/CloudDataWarehouseBenchmark/"
ARA_SQL = "refarch/aws-native/dwh/redshift/sql/"

RULES = [
    # --- snowplow-iglu-central: Iglu Central's generated Redshift DDL is the model; the tables it later migrated
    # are a chain: change_form_1 release 1 (snowplow/snowplow, before its foreign keys), its r1->r2 script, then
    # wd_access_log_1 at 1-0-3 (snowplow/snowplow) and its 1-0-3->1-0-4->1-0-5 scripts (history order).
    R("snowplow-iglu-central", IGLU, IGLU_C, "sql/**/*.sql", "absolute/{path}", exclude=["sql/**/migrate_*.sql"]),
    R("snowplow-iglu-central", SNOWPLOW, SP_R1, SP_SQL + "com.snowplowanalytics.snowplow/change_form_1.sql",
      "incremental/V1__change_form_1_r1.sql"),
    R("snowplow-iglu-central", IGLU, IGLU_C, "sql/com.snowplowanalytics.snowplow/migrate_change_form_1_r1_to_r2.sql",
      "incremental/V2__migrate_change_form_1_r1_to_r2.sql"),
    R("snowplow-iglu-central", SNOWPLOW, SP_R3, SP_SQL + "com.amazon.aws.cloudfront/wd_access_log_1.sql",
      "incremental/V3__wd_access_log_1_r3.sql"),
    R("snowplow-iglu-central", IGLU, IGLU_C, "sql/com.amazon.aws.cloudfront/migrate_wd_access_log_1_r3_to_r4.sql",
      "incremental/V4__migrate_wd_access_log_1_r3_to_r4.sql"),
    R("snowplow-iglu-central", IGLU, IGLU_C, "sql/com.amazon.aws.cloudfront/migrate_wd_access_log_1_r4_to_r5.sql",
      "incremental/V5__migrate_wd_access_log_1_r4_to_r5.sql"),

    # --- snowplow-atomic-events: atomic.events as it is now, the first Redshift table (0.0.1) and every
    # one-step migration 0.0.1 -> 0.11.0 (the shortcut scripts such as 0.4.0_to_0.8.0 are left out), and the
    # deduplication model's setup and queries in run order.
    R("snowplow-atomic-events", SNOWPLOW, SP_NOW, SP_SQL + "atomic-def.sql", "absolute/{path}"),
    R("snowplow-atomic-events", SNOWPLOW, SP_NOW, SP_SQL + "manifest-def.sql", "absolute/{path}"),
    R("snowplow-atomic-events", SNOWPLOW, SP_001, SP_SQL + "table-def.sql", "incremental/V0.0.1__table_def.sql"),
] + [
    R("snowplow-atomic-events", SNOWPLOW, SP_NOW, SP_SQL + "migrate_%s_to_%s.sql" % (old, new),
      "incremental/V%s__migrate_%s_to_%s.sql" % (new, old.replace(".", "_"), new.replace(".", "_")))
    for old, new in zip(ATOMIC_CHAIN, ATOMIC_CHAIN[1:])
] + [
    R("snowplow-atomic-events", SNOWPLOW, SP_NOW, "5-data-modeling/deduplication-queries/{setup,sql}/*.sql",
      "etl/deduplication-queries/{seq}_{flat}", base="5-data-modeling/deduplication-queries/"),

    # --- snowplow-data-models-web-redshift: the web model's sql-runner templates ({{.scratch_schema}}, ...). No
    # absolute model: the tables are created by each module's setup step (00-setup-*, CREATE TABLE IF NOT EXISTS
    # of templated names) as the model runs, so those steps are ETL like the rest, in sql-runner's run order.
    # The 99-migrations playbooks are the chain (1.3.0's four scripts as 1.3.0.1..4, in playbook order).
    R("snowplow-data-models-web-redshift", DATA_MODELS, DM_C, DM_MIGRATIONS + "1.2.0-migration/events-staged.sql",
      "incremental/V1.2.0__events_staged.sql"),
    R("snowplow-data-models-web-redshift", DATA_MODELS, DM_C,
      DM_MIGRATIONS + "1.3.0-migration/base-session-id-manifest.sql",
      "incremental/V1.3.0.1__base_session_id_manifest.sql"),
    R("snowplow-data-models-web-redshift", DATA_MODELS, DM_C,
      DM_MIGRATIONS + "1.3.0-migration/sessions-userid-manifest.sql",
      "incremental/V1.3.0.2__sessions_userid_manifest.sql"),
    R("snowplow-data-models-web-redshift", DATA_MODELS, DM_C, DM_MIGRATIONS + "1.3.0-migration/users-manifest.sql",
      "incremental/V1.3.0.3__users_manifest.sql"),
    R("snowplow-data-models-web-redshift", DATA_MODELS, DM_C, DM_MIGRATIONS + "1.3.0-migration/sortkey-encoding.sql",
      "incremental/V1.3.0.4__sortkey_encoding.sql"),
    R("snowplow-data-models-web-redshift", DATA_MODELS, DM_C, DM_SQL + "**/*.sql", "etl/{seq}_{flat}",
      base=DM_SQL, order=DM_RUN_ORDER,
      exclude=[DM_SQL + "standard/99-migrations/**"]),

    # --- amazon-redshift-utils-admin: admin views, admin scripts, Simple Replay's report queries and the
    # system table persistence scripts, all over Redshift's system views, at their original paths.
    R("amazon-redshift-utils-admin", RS_UTILS, RSU_C, "src/AdminViews/*.sql", "admin/{path}"),
    R("amazon-redshift-utils-admin", RS_UTILS, RSU_C, "src/AdminScripts/*.sql", "admin/{path}"),
    R("amazon-redshift-utils-admin", RS_UTILS, RSU_C, "src/SimpleReplay/sql/**/*.sql", "admin/{path}"),
    R("amazon-redshift-utils-admin", RS_UTILS, RSU_C, "src/SystemTablePersistence/**/*.sql", "admin/{path}"),

    # --- the two benchmark kits, 3TB scale only (every scale repeats the same tables): ddl as the model,
    # the queries as the ETL.
    R("amazon-redshift-utils-cloud-dwb-tpcds", RS_UTILS, RSU_C, CDWB + "Cloud-DWB-Derived-from-TPCDS/3TB/ddl.sql",
      "absolute/{rel}", base=CDWB),
    R("amazon-redshift-utils-cloud-dwb-tpcds", RS_UTILS, RSU_C,
      CDWB + "Cloud-DWB-Derived-from-TPCDS/3TB/queries/*.sql", "etl/{rel}", base=CDWB),
    R("amazon-redshift-utils-cloud-dwb-tpch", RS_UTILS, RSU_C, CDWB + "Cloud-DWB-Derived-from-TPCH/3TB/ddl.sql",
      "absolute/{rel}", base=CDWB),
    R("amazon-redshift-utils-cloud-dwb-tpch", RS_UTILS, RSU_C,
      CDWB + "Cloud-DWB-Derived-from-TPCH/3TB/queries/*.sql", "etl/{rel}", base=CDWB),

    # --- aws-analytics-reference-architecture-dwh: already a Flyway project (V1.x and R__ scripts of
    # dw_mystore, stg_mystore and ext_mystore, at their paths below sql/, Flyway placeholders kept); its unit
    # tests are the ETL. Not taken: the psql release scripts (deploy.sql, rollback.sql) and the *_psql.sql
    # variants they include, which the Flyway build replaces. dw_mystore's V1.8__load_time_dim.sql and
    # V1.9__load_date_dim.sql (dimension data, one blob each at every commit since 2021) are matched but absent
    # from the mirror's snapshot, which omits files of 4 MiB and more: README.md lists them.
    R("aws-analytics-reference-architecture-dwh", ARA, ARA_C,
      ARA_SQL + "{dw_mystore,stg_mystore,ext_mystore}/**/V*__*.sql", "incremental/{rel}", base=ARA_SQL),
    R("aws-analytics-reference-architecture-dwh", ARA, ARA_C, ARA_SQL + "{dw_mystore,stg_mystore}/**/R__*.sql",
      "incremental/{rel}", base=ARA_SQL),
    R("aws-analytics-reference-architecture-dwh", ARA, ARA_C, ARA_SQL + "stg_mystore/unit_tests/*.sql",
      "etl/{rel}", base=ARA_SQL),

    # --- arthur-redshift-etl: its sql/ folder's numbered scripts are the chain; the pipe-cleaner script and
    # the tool's query templates over system views are the ETL.
    R("arthur-redshift-etl", ARTHUR, ARTHUR_C, "sql/000_ADMIN_grant_language.sql",
      "incremental/V000__ADMIN_grant_language.sql"),
    R("arthur-redshift-etl", ARTHUR, ARTHUR_C, "sql/001_ETL_create_f_sha256.sql",
      "incremental/V001__ETL_create_f_sha256.sql"),
    R("arthur-redshift-etl", ARTHUR, ARTHUR_C, "sql/redshift_pipe_cleaner.sql", "etl/{path}"),
    R("arthur-redshift-etl", ARTHUR, ARTHUR_C, "python/etl/templates/sql/*.sql", "etl/{path}"),

    # --- clickbench-redshift: the hits table and the 43 queries (provisioned Redshift, not serverless).
    R("clickbench-redshift", CLICKBENCH, CB_C, "redshift/create.sql", "absolute/{path}"),
    R("clickbench-redshift", CLICKBENCH, CB_C, "redshift/queries.sql", "etl/{path}"),
]

# ---------------------------------------------------------------------------------------------------------------
# Code
# ---------------------------------------------------------------------------------------------------------------


def glob_regex(pattern):
    """A glob as a regular expression: ** crosses folders, * and ? stay within one, {a,b} is either."""
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if c == "*":
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "{":
            end = pattern.index("}", i)
            out.append("(?:" + "|".join(re.escape(part) for part in pattern[i + 1:end].split(",")) + ")")
            i = end + 1
            continue
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("".join(out) + r"\Z")


def is_glob(source):
    return any(ch in source for ch in "*?{")


class Mirrors:
    def __init__(self, root):
        self.root = root
        self.trees = {}

    def git_dir(self, repo):
        base = os.path.join(self.root, repo.replace("/", "+"))
        for candidate in (os.path.join(base, "repo"), base):
            if os.path.isfile(os.path.join(candidate, "HEAD")):
                return candidate
        sys.exit("no mirror of %s under %s (expected %s/repo)" % (repo, self.root, base))

    def git(self, repo, *args):
        result = subprocess.run(["git", "--git-dir=" + self.git_dir(repo)] + list(args), stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        return result.returncode, result.stdout

    def has_commit(self, repo, commit):
        code, out = self.git(repo, "cat-file", "-t", commit)
        return code == 0 and out.strip() == b"commit"

    def files(self, repo, commit):
        key = (repo, commit)
        if key not in self.trees:
            code, out = self.git(repo, "ls-tree", "-r", "--name-only", "-z", commit)
            if code != 0:
                sys.exit("cannot list %s at %s" % (repo, commit))
            self.trees[key] = sorted(p.decode("utf-8") for p in out.split(b"\0") if p)
        return self.trees[key]

    def show(self, repo, commit, path):
        """The file's bytes, or None when the mirror lacks its content (a snapshot omits its largest files)."""
        code, out = self.git(repo, "show", "%s:%s" % (commit, path))
        return out if code == 0 else None


def expand(rule, mirrors):
    """(original path, corpus path) pairs of one rule, in order."""
    source, base = rule["source"], rule.get("base", "")
    files = mirrors.files(rule["repo"], rule["commit"])
    if is_glob(source):
        regex = glob_regex(source)
        excludes = [glob_regex(e) for e in rule.get("exclude", [])]
        matches = [p for p in files if p.endswith(".sql") and regex.match(p)
                   and not any(e.match(p) for e in excludes)]
        if not matches:
            sys.exit("%s at %s: nothing matches %s" % (rule["repo"], rule["commit"], source))
    else:
        if source not in files:
            sys.exit("%s at %s has no %s" % (rule["repo"], rule["commit"], source))
        matches = [source]
    order = rule.get("order")
    if order:
        rels = [p[len(base):] for p in matches]
        unknown = sorted(set(rels) - set(order))
        if unknown:
            sys.exit("%s: matches missing from its order: %s" % (source, ", ".join(unknown)))
        stale = [r for r in order if r not in rels]
        if stale or len(set(order)) != len(order):
            sys.exit("%s: its order lists files it does not match, or twice: %s" % (source, ", ".join(stale)))
        matches = [base + r for r in order if r in rels]
    pairs = []
    for seq, path in enumerate(matches, 1):
        if not path.startswith(base):
            sys.exit("%s is not below %s" % (path, base))
        rel = path[len(base):]
        target = rule["target"].format(path=path, rel=rel, flat=rel.replace("/", "__"), seq="%02d" % seq)
        pairs.append((path, target))
    return pairs


README = """# Real-world Redshift conformance corpus

Real public Amazon Redshift projects, laid out as a user of a Flyway-based Redshift schema tool would lay them
out, for `RealWorldConformanceTest` of the redshift-maven-plugin (see its `docs/conformance.md` and
`docs/conformance-real-world.md`). The SQL belongs to its authors under their licences; it is kept here, outside
the plugin's repository, and is rebuilt from the repositories at the commits below.

Each project folder holds:

- `absolute/`: the DDL model as it is now (CREATE SCHEMA/TABLE/VIEW).
- `incremental/`: Flyway changesets, `V<version>__<description>.sql`, in the order of the project's history; where
  the project has a migration chain, the first version that creates the tables is a changeset too.
- `etl/`: the queries and ETL the project runs against the model, in run order (files run in path order).
- `admin/`: for `amazon-redshift-utils-admin` only, admin and monitoring SQL over Redshift's system views, at its
  original paths.

A folder a project has nothing for is left out (lint's `empty-file` rule warns on an empty folder, and the
recorded report shows no such warning). Only `.sql` files are copied, unchanged. `SOURCES.tsv` names every file's project, repository, commit, original path and corpus path.

## How it is rebuilt

    python3 build_corpus.py --mirrors /work/.mirror --out ../realworld-corpus

(`build_corpus.py` is a copy of the plugin's `tools/build_realworld_corpus.py`.) It reads bare git mirrors of the
repositories, `<mirrors>/<owner>+<name>/repo`, with `git --git-dir=... show <commit>:<path>`; the mapping of
(repository, commit, original path or glob) to corpus path is data at the top of the script, with the reason for
each project's layout. The same mirrors give the same bytes.

## Sources

| project | repository | commit |
|---|---|---|
{sources}

## Contents

{projects} projects, {files} files.

| project | absolute | incremental | etl | admin | total |
|---|---|---|---|---|---|
{counts}
{missing}"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mirrors", required=True, help="folder of the bare git mirrors, <owner>+<name>/repo")
    parser.add_argument("--out", required=True, help="the corpus folder to (re)write")
    args = parser.parse_args()
    mirrors = Mirrors(args.mirrors)
    out = args.out

    missing_commits = sorted({(r["repo"], r["commit"]) for r in RULES if not mirrors.has_commit(r["repo"], r["commit"])})
    if missing_commits:
        sys.exit("commits missing from the mirrors (use the nearest commit that has the files, and record it): "
                 + ", ".join("%s@%s" % m for m in missing_commits))

    rows, missing, seen = [], [], {}
    for rule in RULES:
        for path, target in expand(rule, mirrors):
            key = (rule["project"], target)
            if key in seen:
                sys.exit("%s/%s comes from both %s and %s" % (rule["project"], target, seen[key], path))
            seen[key] = path
            rows.append((rule["project"], rule["repo"], rule["commit"], path, target))

    os.makedirs(out, exist_ok=True)
    for project in PROJECTS:
        shutil.rmtree(os.path.join(out, project), ignore_errors=True)
        for folder in SUBFOLDERS:
            if any(r[0] == project and r[4].startswith(folder + "/") for r in rows):
                os.makedirs(os.path.join(out, project, folder))

    written = []
    for project, repo, commit, path, target in rows:
        data = mirrors.show(repo, commit, path)
        if data is None:
            missing.append((project, repo, commit, path, target))
            continue
        destination = os.path.join(out, project, target)
        os.makedirs(os.path.dirname(destination), exist_ok=True)
        with open(destination, "wb") as handle:
            handle.write(data)
        written.append((project, repo, commit, path, target))

    rank = {p: i for i, p in enumerate(PROJECTS)}
    written.sort(key=lambda row: (rank[row[0]], row[4]))
    with open(os.path.join(out, "SOURCES.tsv"), "w", encoding="utf-8", newline="\n") as handle:
        handle.write("project\trepository\tcommit\toriginal_path\tcorpus_path\n")
        for row in written:
            handle.write("\t".join(row) + "\n")

    sources = []
    for project, repo, commit, _, _ in written:
        if (project, repo, commit) not in sources:
            sources.append((project, repo, commit))
    counts = []
    for project in PROJECTS:
        per = [sum(1 for row in written if row[0] == project and row[4].startswith(folder + "/"))
               for folder in SUBFOLDERS]
        counts.append("| %s | %s | %d |" % (project, " | ".join(str(n) for n in per), sum(per)))
    missing_text = ""
    if missing:
        missing_text = ("\n## Not in the corpus\n\nThe mapping takes these files, but the mirrors lack their content "
                        "(a snapshot omits files of 4 MiB and more), so they are left out:\n\n"
                        + "\n".join("- %s: %s `%s` at %s (would be `%s`)" % (p, r, path, c, t)
                                    for p, r, c, path, t in missing) + "\n")
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8", newline="\n") as handle:
        handle.write(README.format(
            sources="\n".join("| %s | %s | %s |" % s for s in sources),
            projects=len(PROJECTS), files=len(written), counts="\n".join(counts), missing=missing_text))

    shutil.copyfile(os.path.abspath(__file__), os.path.join(out, "build_corpus.py"))
    print("%d projects, %d files written to %s" % (len(PROJECTS), len(written), out))
    for p, r, c, path, t in missing:
        print("not available in the mirror: %s %s:%s (%s/%s)" % (r, c, path, p, t), file=sys.stderr)


if __name__ == "__main__":
    main()
