"""Who may call `newslint serve`'s API: CMS pages on listed origins (CORS) and holders of the token (#15)."""

import subprocess
import sys
import warnings

import pytest

pytest.importorskip("fastapi")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from conftest import ROOT
from newslint.server.app import create_app

CMS = "https://cms.example.org"
TOKEN = "s3cret-token-for-tests-0123456789"
ARTICLE = {"text": "Title\n\nthe the copy.\n"}


def preflight(client, origin, method="POST", headers="content-type"):
    return client.options("/api/check", headers={"Origin": origin, "Access-Control-Request-Method": method,
                                                 "Access-Control-Request-Headers": headers})


def cors_headers(response):
    return {k for k in response.headers if k.lower().startswith("access-control-")}


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cors")
    (folder / ".newslint.yaml").write_text(
        "packs: [Newsroom]\nrules: {Newsroom: off, Newsroom.RepeatedWord: on}\n"
        "serve: {allow_origins: ['https://from-config.example']}\n", encoding="utf-8")
    return folder / ".newslint.yaml"


@pytest.fixture(scope="module")
def client(config):
    return TestClient(create_app(config, allow_origins=[CMS]))


def test_a_preflight_from_a_listed_origin_passes(client):
    answer = preflight(client, CMS, headers="content-type, authorization")
    assert answer.status_code == 200
    assert answer.headers["access-control-allow-origin"] == CMS
    assert "POST" in answer.headers["access-control-allow-methods"]
    assert "authorization" in answer.headers["access-control-allow-headers"].lower()
    checked = client.post("/api/check", json=ARTICLE, headers={"Origin": CMS})
    assert checked.status_code == 200 and checked.headers["access-control-allow-origin"] == CMS
    assert [f["rule"] for f in checked.json()["findings"]] == ["Newsroom.RepeatedWord"]


def test_origins_from_the_config_are_listed_too(client):
    answer = preflight(client, "https://from-config.example")
    assert answer.status_code == 200
    assert answer.headers["access-control-allow-origin"] == "https://from-config.example"


@pytest.mark.parametrize("origin", ["https://evil.example", "https://cms.example.org.evil.example",
                                    "http://cms.example.org", "null"])
def test_a_preflight_from_another_origin_is_refused_without_cors_headers(client, origin):
    answer = preflight(client, origin)
    assert answer.status_code == 403
    assert cors_headers(answer) == set()
    assert origin in answer.json()["detail"] and "--allow-origin" in answer.json()["detail"]
    simple = client.post("/api/check", json=ARTICLE, headers={"Origin": origin})
    assert simple.status_code == 200 and cors_headers(simple) == set()  # the browser keeps the answer from the page


def test_without_listed_origins_every_preflight_is_refused(tmp_path):
    (tmp_path / ".newslint.yaml").write_text("packs: []\n", encoding="utf-8")
    bare = TestClient(create_app(tmp_path / ".newslint.yaml"))
    answer = preflight(bare, CMS)
    assert answer.status_code == 403 and cors_headers(answer) == set()


def test_a_listed_page_may_reach_a_server_on_this_machine(client):
    # Chrome's Private Network Access: a public CMS page calling a loopback server asks in the preflight
    answer = client.options("/api/check", headers={"Origin": CMS, "Access-Control-Request-Method": "POST",
                                                   "Access-Control-Request-Private-Network": "true"})
    assert answer.status_code == 200 and answer.headers["access-control-allow-private-network"] == "true"


# -- the bearer token ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def guarded(config):
    return TestClient(create_app(config, allow_origins=[CMS], token=TOKEN))


@pytest.mark.parametrize("authorization", [None, "", "Bearer", f"Basic {TOKEN}", f"Bearer {TOKEN}x",
                                           f"Bearer {TOKEN[:-1]}", "Bearer " + "x" * len(TOKEN)])
def test_the_api_needs_the_token(guarded, authorization):
    headers = {} if authorization is None else {"Authorization": authorization}
    for answer in (guarded.post("/api/check", json=ARTICLE, headers=headers), guarded.get("/api/rules", headers=headers)):
        assert answer.status_code == 401
        assert answer.headers["www-authenticate"] == "Bearer"
        assert "Bearer <token>" in answer.json()["detail"]


def test_the_token_opens_the_api(guarded):
    for scheme in ("Bearer", "bearer"):
        answer = guarded.post("/api/check", json=ARTICLE, headers={"Authorization": f"{scheme} {TOKEN}"})
        assert answer.status_code == 200 and answer.json()["findings"]


def test_the_page_and_preflights_need_no_token(guarded):
    # a browser sends no Authorization header with a preflight, and the page and embed.js hold no secret
    assert preflight(guarded, CMS, headers="authorization, content-type").status_code == 200
    assert guarded.get("/").status_code == 200
    assert guarded.get("/embed.js").status_code == 200
    refused = guarded.post("/api/check", json=ARTICLE, headers={"Origin": CMS})
    assert refused.status_code == 401 and refused.headers["access-control-allow-origin"] == CMS  # the page can read why


# -- the command line ---------------------------------------------------------------------------
def serve(*args, cwd=ROOT, timeout=60):
    return subprocess.run([sys.executable, "-m", "newslint", "serve", "--port", "1", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("args, says", [
    (["--allow-origin", "https://cms.example.org/"], "--allow-origin: 'https://cms.example.org/' is not an origin"),
    (["--allow-origin", "cms.example.org"], "is not an origin"),
    (["--token-file", "no-such-token"], "no-such-token: cannot read the token"),
])
def test_bad_options_are_one_line_and_exit_2(args, says):
    run = serve(*args)
    assert run.returncode == 2, run.stderr
    assert says in run.stderr and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_a_short_token_is_refused(tmp_path):
    (tmp_path / "token").write_text("short\n")
    run = serve("--token-file", str(tmp_path / "token"))
    assert run.returncode == 2 and "shorter than 16 characters" in run.stderr


def test_the_config_key_is_checked(tmp_path):
    (tmp_path / ".newslint.yaml").write_text("packs: []\nserve:\n  allow_origin: [https://a.example]\n")
    run = subprocess.run([sys.executable, "-m", "newslint", "check", "-"], input="Title\n\nCopy.\n", cwd=tmp_path,
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stderr.strip() == (f"newslint: {tmp_path / '.newslint.yaml'}:2: unknown key 'serve.allow_origin' "
                                  "(known: allow_origins)")
