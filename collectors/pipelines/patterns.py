"""What a pipeline step does, recognised by its content: the one table of step classes.

A step is classified by the commands it runs (a GitHub `run:` block, a GitLab script line, the
script inputs of actions such as `azure/cli`), by the action it `uses:` and, for the classes whose
tools have no one command (a smoke suite, a rollback job, a restore drill, an environment check),
by the step's or job's name. The collector records the matched class and tool names only, never
the command text, which can hold secrets. docs/pipelines.md lists the table for users.

Classes: migrate, backup, restore, restore_drill, deploy, rollback, smoke_test, scan, validate_env.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CLASSES = (
    "migrate",
    "backup",
    "restore",
    "restore_drill",
    "deploy",
    "rollback",
    "smoke_test",
    "scan",
    "validate_env",
)


@dataclass(frozen=True)
class Pattern:
    cls: str
    tool: str
    regex: re.Pattern[str]


def _p(cls: str, tool: str, regex: str) -> Pattern:
    return Pattern(cls, tool, re.compile(regex, re.IGNORECASE))


# Commands, matched against one shell command (continuation lines joined, comments dropped).
COMMANDS: tuple[Pattern, ...] = (
    # migrate: schema migrations applied to a database
    _p("migrate", "alembic", r"\balembic\b[^|;&]*\bupgrade\b"),
    _p("migrate", "flask-migrate", r"\bflask\s+db\s+upgrade\b"),
    _p("migrate", "django", r"\b(manage\.py|django-admin)\s+migrate\b"),
    _p("migrate", "flyway", r"\bflyway\b[^|;&]*\bmigrate\b"),
    _p("migrate", "liquibase", r"\bliquibase\b[^|;&]*\bupdate\b"),
    _p("migrate", "rails", r"\b(rails|rake)\s+db:(migrate|prepare)\b"),
    _p("migrate", "prisma", r"\bprisma\s+migrate\s+deploy\b"),
    _p("migrate", "knex", r"\bknex\s+migrate:(latest|up)\b"),
    _p("migrate", "sequelize", r"\bsequelize(-cli)?\s+db:migrate\b"),
    _p("migrate", "typeorm", r"\btypeorm\b[^|;&]*\bmigration:run\b"),
    _p("migrate", "golang-migrate", r"\bmigrate\b[^|;&]*\s-(path|source|database)\b[^|;&]*\bup\b"),
    _p("migrate", "goose", r"\bgoose\b[^|;&]*\s(up|up-to|up-by-one)\b"),
    _p("migrate", "dbmate", r"\bdbmate\b[^|;&]*\s(up|migrate)\b"),
    _p("migrate", "atlas", r"\batlas\s+migrate\s+apply\b"),
    _p("migrate", "sqitch", r"\bsqitch\s+deploy\b"),
    _p("migrate", "ecto", r"\bmix\s+ecto\.migrate\b"),
    _p("migrate", "laravel", r"\bartisan\s+migrate\b"),
    _p("migrate", "diesel", r"\bdiesel\s+migration\s+run\b"),
    # backup: a copy of the data taken
    _p("backup", "pg_dump", r"\bpg_dump(all)?\b"),
    _p("backup", "pg_basebackup", r"\bpg_basebackup\b"),
    _p("backup", "mysqldump", r"\b(mysqldump|mariadb-dump)\b"),
    _p("backup", "mongodump", r"\bmongodump\b"),
    _p("backup", "velero", r"\bvelero\s+backup\s+create\b"),
    _p("backup", "aws rds", r"\baws\s+rds\s+create-db-(cluster-)?snapshot\b"),
    _p("backup", "gcloud sql", r"\bgcloud\s+sql\s+backups\s+create\b"),
    _p("backup", "pgbackrest", r"\bpgbackrest\b[^|;&]*\sbackup\b"),
    _p("backup", "wal-g", r"\bwal-g\s+backup-push\b"),
    _p("backup", "barman", r"\bbarman\s+backup\b"),
    _p("backup", "restic", r"\brestic\b[^|;&]*\sbackup\b"),
    _p("backup", "cnpg", r"\bkubectl\s+cnpg\s+backup\b"),
    # restore: data brought back from a backup
    _p("restore", "velero", r"\bvelero\s+restore\s+create\b"),
    _p("restore", "pg_restore", r"\bpg_restore\b"),
    _p("restore", "mongorestore", r"\bmongorestore\b"),
    _p("restore", "aws rds", r"\baws\s+rds\s+restore-db-(instance|cluster)-from-"),
    _p("restore", "gcloud sql", r"\bgcloud\s+sql\s+backups\s+restore\b"),
    _p("restore", "pgbackrest", r"\bpgbackrest\b[^|;&]*\srestore\b"),
    _p("restore", "wal-g", r"\bwal-g\s+backup-fetch\b"),
    _p("restore", "restic", r"\brestic\b[^|;&]*\srestore\b"),
    # deploy: a release rolled out
    _p("deploy", "kubectl", r"\bkubectl\b[^|;&]*\s(apply|set\s+image|replace)\b"),
    _p("deploy", "helm", r"\bhelm\s+(upgrade|install)\b"),
    _p("deploy", "helmfile", r"\bhelmfile\b[^|;&]*\s(apply|sync)\b"),
    _p("deploy", "argocd", r"\bargocd\s+app\s+sync\b"),
    _p("deploy", "terraform", r"\b(terraform|tofu|terragrunt)\b[^|;&]*\sapply\b"),
    _p("deploy", "pulumi", r"\bpulumi\s+up\b"),
    _p("deploy", "skaffold", r"\bskaffold\s+(run|deploy)\b"),
    _p("deploy", "flux", r"\bflux\s+reconcile\b"),
    _p("deploy", "argo rollouts", r"\bkubectl\s+argo\s+rollouts\s+(set\s+image|promote)\b"),
    _p("deploy", "aws ecs", r"\baws\s+ecs\s+update-service\b"),
    _p("deploy", "aws deploy", r"\baws\s+deploy\s+create-deployment\b"),
    _p("deploy", "gcloud", r"\bgcloud\s+(run|app|functions)\b[^|;&]*\sdeploy\b"),
    _p("deploy", "serverless", r"\b(serverless|sls)\s+deploy\b"),
    _p("deploy", "cdk", r"\bcdk\s+deploy\b"),
    _p("deploy", "flyctl", r"\b(fly|flyctl)\s+deploy\b"),
    _p("deploy", "docker stack", r"\bdocker\s+stack\s+deploy\b"),
    _p("deploy", "az webapp", r"\baz\s+webapp\s+(deploy|up)\b"),
    _p("deploy", "eb", r"\beb\s+deploy\b"),
    # rollback: the previous release restored by one command
    _p("rollback", "helm", r"\bhelm\s+rollback\b"),
    _p("rollback", "kubectl", r"\bkubectl\b[^|;&]*\srollout\s+undo\b"),
    _p("rollback", "argo rollouts", r"\bkubectl\s+argo\s+rollouts\s+(undo|abort)\b"),
    _p("rollback", "argocd", r"\bargocd\s+app\s+rollback\b"),
    _p("rollback", "heroku", r"\bheroku\s+(releases:)?rollback\b"),
    _p("rollback", "capistrano", r"\bcap\b[^|;&]*\sdeploy:rollback\b"),
    # smoke_test: a smoke suite run
    _p("smoke_test", "smoke suite", r"smoke"),
    # scan: security scanners
    _p("scan", "trivy", r"\btrivy\b"),
    _p("scan", "grype", r"\bgrype\b"),
    _p("scan", "bandit", r"\bbandit\b"),
    _p("scan", "semgrep", r"\bsemgrep\b"),
    _p("scan", "zap", r"\bzap(-baseline|-full-scan|-api-scan)(\.py)?\b|\bzap\.sh\b"),
    _p("scan", "snyk", r"\bsnyk\s+(test|monitor|container|code|iac)\b"),
    _p("scan", "pip-audit", r"\bpip-audit\b"),
    _p("scan", "npm audit", r"\b(npm|yarn|pnpm)\s+audit\b"),
    _p("scan", "safety", r"\bsafety\s+(check|scan)\b"),
    _p("scan", "gitleaks", r"\bgitleaks\b"),
    _p("scan", "trufflehog", r"\btrufflehog\b"),
    _p("scan", "checkov", r"\bcheckov\b"),
    _p("scan", "tfsec", r"\btfsec\b"),
    _p("scan", "kics", r"\bkics\s+scan\b"),
    _p("scan", "osv-scanner", r"\bosv-scanner\b"),
    _p("scan", "govulncheck", r"\bgovulncheck\b"),
    _p("scan", "gosec", r"\bgosec\b"),
    _p("scan", "cargo audit", r"\bcargo\s+audit\b"),
    _p("scan", "bundler-audit", r"\bbundle(r)?[- ]audit\b"),
    _p("scan", "brakeman", r"\bbrakeman\b"),
    _p("scan", "dependency-check", r"\bdependency-check(\.sh)?\b"),
    _p("scan", "docker scout", r"\bdocker\s+scout\s+(cves|quickview)\b"),
    # validate_env: the environment's configuration checked before it is used
    _p("validate_env", "envsubst", r"\benvsubst\s+(--variables|-v)\b"),
    _p("validate_env", "dotenv-linter", r"\bdotenv-linter\b"),
    _p("validate_env", "django check", r"\bmanage\.py\s+check\b[^|;&]*--deploy\b"),
    _p(
        "validate_env",
        "validation script",
        r"\b(validate|check|verify)[-_](env|environment|config|configuration|settings)\b",
    ),
)

# Actions (`uses: owner/repo[/path]@ref`), matched against the name without its ref.
ACTIONS: tuple[Pattern, ...] = (
    _p("scan", "trivy", r"^aquasecurity/trivy-action$"),
    _p("scan", "grype", r"^anchore/scan-action$"),
    _p("scan", "codeql", r"^github/codeql-action/(analyze|init)$"),
    _p("scan", "snyk", r"^snyk/actions(/.*)?$"),
    _p("scan", "zap", r"^zaproxy/action-(baseline|full-scan|api-scan)$"),
    _p("scan", "semgrep", r"^(returntocorp|semgrep)/semgrep-action$"),
    _p("scan", "pip-audit", r"^pypa/gh-action-pip-audit$"),
    _p("scan", "gitleaks", r"^gitleaks/gitleaks-action$"),
    _p("scan", "trufflehog", r"^trufflesecurity/trufflehog$"),
    _p("scan", "checkov", r"^bridgecrewio/checkov-action$"),
    _p("scan", "tfsec", r"^aquasecurity/tfsec-action$"),
    _p("scan", "osv-scanner", r"^google/osv-scanner-action(/.*)?$"),
    _p("scan", "dependency-review", r"^actions/dependency-review-action$"),
    _p("scan", "gosec", r"^securego/gosec$"),
    _p("scan", "bandit", r"^pycqa/bandit-action$"),
    _p("scan", "docker scout", r"^docker/scout-action$"),
    _p("deploy", "azure k8s-deploy", r"^azure/k8s-deploy$"),
    _p("deploy", "azure webapps-deploy", r"^azure/webapps-deploy$"),
    _p("deploy", "aws ecs", r"^aws-actions/amazon-ecs-deploy-task-definition$"),
    _p("deploy", "gcloud", r"^google-github-actions/deploy-(cloudrun|appengine|cloud-functions)$"),
    _p("deploy", "helm", r"^deliverybot/helm$"),
)

# GitLab CI templates and components (`include: template:` / `component:`), by their name.
GITLAB_TEMPLATES: tuple[Pattern, ...] = (
    _p(
        "scan",
        "gitlab",
        r"(^|/)(SAST|SAST-IaC|Dependency-Scanning|Container-Scanning|Secret-Detection|DAST|DAST-API|"
        r"API-Fuzzing|Coverage-Fuzzing)(\.latest)?\.gitlab-ci\.yml$",
    ),
    _p(
        "scan",
        "gitlab",
        r"/components/(sast|secret-detection|dependency-scanning|container-scanning|dast)(/[^@]*)?@",
    ),
)

# Names (a step's `name:`, a job's id or name) for what has no single command.
_SEP = r"[-_ .:]*"
NAMES: tuple[Pattern, ...] = (
    _p("smoke_test", "smoke suite", r"smoke"),
    _p("rollback", "rollback job", rf"\broll{_SEP}back\b|\brollback"),
    _p(
        "restore_drill",
        "restore drill",
        rf"restore{_SEP}(drill|test|check|verif)|\bdr{_SEP}drill|backup{_SEP}(restore|drill|verif)",
    ),
    _p(
        "validate_env",
        "validation script",
        rf"\b(validate|check|verify){_SEP}(env|environment|config|configuration|settings)\b|"
        rf"\b(env|environment|config){_SEP}(check|validat)",
    ),
)

_CONTINUATION = re.compile(r"\\\r?\n")


def commands(text: str) -> list[str]:
    """The shell commands of a script: continuation lines joined, blank and comment lines dropped."""
    joined = _CONTINUATION.sub(" ", text)
    return [line.strip() for line in joined.splitlines() if line.strip() and not line.strip().startswith("#")]


def classify_commands(texts: list[str]) -> list[tuple[str, str]]:
    """(class, tool) for each command pattern the texts match, in the order they first occur."""
    found: list[tuple[str, str]] = []
    for text in texts:
        for command in commands(text):
            matches = sorted(
                (match.start(), index)
                for index, pattern in enumerate(COMMANDS)
                if (match := pattern.regex.search(command))
            )
            for _, index in matches:
                hit = (COMMANDS[index].cls, COMMANDS[index].tool)
                if hit not in found:
                    found.append(hit)
    return found


def classify_action(uses: str) -> list[tuple[str, str]]:
    name = uses.split("@", 1)[0].strip()
    return [(p.cls, p.tool) for p in ACTIONS if p.regex.search(name)]


def classify_name(name: str) -> list[tuple[str, str]]:
    return [(p.cls, p.tool) for p in NAMES if p.regex.search(name)]


def classify_template(name: str) -> list[tuple[str, str]]:
    return [(p.cls, p.tool) for p in GITLAB_TEMPLATES if p.regex.search(name)]


def summarise(hits: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """Classes in the order first found, and the sorted tool names."""
    classes: list[str] = []
    for cls, _ in hits:
        if cls not in classes:
            classes.append(cls)
    return classes, sorted({tool for _, tool in hits})
