"""Links into the forge that hosts the site's repository: edit a file, add a file from a
template, open an issue. GitHub, GitLab and Forgejo/Gitea (Codeberg) have different URL schemes.

The forge is recognised from ``repo_url``'s host (github.com; gitlab.com or a host with
"gitlab" in it; codeberg.org or a host with "gitea"/"forgejo" in it); anything else is treated as
GitHub-like, which is what MkDocs assumes too. Every part of every URL is percent-encoded, so no
file name, title or template can end the attribute a link is printed in. Only http(s) ``repo_url``
values give links.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

GITHUB, GITLAB, FORGEJO = "github", "gitlab", "forgejo"
MAX_URL = 7_500  # browsers and forges accept about 8 kB; a longer pre-filled text is dropped


@dataclass(frozen=True)
class Forge:
    kind: str
    repo: str  # percent-encoded, no trailing slash
    branch: str

    def _ref(self, path: str) -> str:
        return f"{quote(self.branch, safe='/')}/{quote(path, safe='/')}"

    def edit(self, path: str) -> str:
        """The web editor for a file (repo-relative path)."""
        middle = {GITLAB: "-/edit", FORGEJO: "_edit"}.get(self.kind, "edit")
        return f"{self.repo}/{middle}/{self._ref(path)}"

    def new_file(self, folder: str, filename: str = "", text: str = "") -> str:
        """The web editor for a new file in ``folder``, pre-filled with ``text`` where the forge can.

        GitHub takes ``filename`` and ``value``; GitLab ``file_name`` and ``content``; Forgejo and
        Gitea open the empty editor in the folder (they take no pre-filled text)."""
        folder = folder.strip("/")
        if self.kind == FORGEJO:
            return f"{self.repo}/_new/{self._ref(folder)}"
        names = ("file_name", "content") if self.kind == GITLAB else ("filename", "value")
        params = {k: v for k, v in zip(names, (filename, text), strict=True) if v}
        base = f"{self.repo}/{'-/new' if self.kind == GITLAB else 'new'}/{self._ref(folder)}"
        url = f"{base}?{urlencode(params, quote_via=quote)}" if params else base
        if len(url) > MAX_URL and text:
            return self.new_file(folder, filename)
        return url

    def new_issue(self, title: str, body: str = "", template: str = "") -> str:
        """A new issue with a title and text filled in (GitHub: also an issue form by file name)."""
        if self.kind == GITLAB:
            params = {"issue[title]": title, "issue[description]": body}
            base = f"{self.repo}/-/issues/new"
        else:
            params = {"title": title, "body": body}
            if template and self.kind == GITHUB:
                params["template"] = template
            base = f"{self.repo}/issues/new"
        url = f"{base}?{urlencode({k: v for k, v in params.items() if v}, quote_via=quote)}"
        if len(url) > MAX_URL and body:
            return self.new_issue(title, "", template)
        return url


def kind_of(host: str) -> str:
    host = host.lower()
    if host == "github.com" or host.endswith(".github.com"):
        return GITHUB
    if "gitlab" in host:
        return GITLAB
    if host == "codeberg.org" or "gitea" in host or "forgejo" in host:
        return FORGEJO
    return GITHUB


def forge(repo_url: str, branch: str = "main", kind: str | None = None) -> Forge | None:
    """The forge of an http(s) ``repo_url``; None for any other value."""
    repo = (repo_url or "").strip().rstrip("/")
    if repo.lower().endswith(".git"):
        repo = repo[:-4]
    if not repo.lower().startswith(("https://", "http://")):
        return None
    try:
        host = urlsplit(repo).hostname or ""
    except ValueError:
        return None
    return Forge(kind or kind_of(host), quote(repo, safe=":/@!$&()*+,;=%~"), branch or "main")


def of_build(build) -> Forge | None:
    """The forge for a build's options (``repo_url`` and ``edit_branch``)."""
    return forge(build.options.repo_url, build.options.edit_branch)
