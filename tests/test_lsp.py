"""`newslint lsp` end to end, driven by pytest-lsp as an editor drives it: diagnostics at exact
positions in each encoding, quick fixes applied, a change that clears a finding, config discovery
and reload, the vocabulary, hover and fix-all."""

import asyncio
import sys
from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest.importorskip("pytest_lsp")

from lsprotocol import types  # noqa: E402
from pytest_lsp import client_capabilities, make_test_lsp_client  # noqa: E402

from conftest import SHARED  # noqa: E402

SEED = SHARED / "seeds" / "gaza-ceasefire-talks.txt"
RULE = """extends: substitution
message: "Write '%s', not '%s'."
level: error
swap: {Hanyahu: Haniyeh}
"""
ARTICLE = "Talks 🎉 resume\n\nThe leader 🎉 Hanyahu spoke.\n"
pytestmark = pytest.mark.asyncio


def house(folder: Path, config: str = "packs: [./House]\n") -> Path:
    """A folder with a config whose one rule swaps Hanyahu for Haniyeh."""
    (folder / "House").mkdir(parents=True)
    (folder / "House" / "Names.yml").write_text(RULE, encoding="utf-8")
    (folder / ".newslint.yaml").write_text(config, encoding="utf-8")
    return folder


async def start(root: Path, capabilities: types.ClientCapabilities):
    client = make_test_lsp_client()
    await client.start_io(sys.executable, "-m", "newslint", "lsp", cwd=str(root))
    result = await client.initialize_session(types.InitializeParams(
        capabilities=capabilities, root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="news")]))
    return client, result


async def stop(client) -> None:
    await client.shutdown_session()
    await client.stop()


def open_doc(client, path: Path, text: str, language: str = "markdown") -> str:
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    return uri


def change(client, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        [types.TextDocumentContentChangeWholeDocument(text=text)]))


async def published(client, uri: str, test, timeout: float = 60):
    """The diagnostics for `uri` once they pass `test` (waiting for further publishes)."""
    async def wait():
        while not (uri in client.diagnostics and test(client.diagnostics[uri])):
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return client.diagnostics[uri]
    return await asyncio.wait_for(wait(), timeout)


def codes(diags) -> list[str]:
    return [d.code for d in diags]


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP edits (UTF-16 positions; lines split at LF), independently of the server's code."""
    lines = text.split("\n")

    def offset(pos: types.Position) -> int:
        start = sum(len(line) + 1 for line in lines[: pos.line])
        line = lines[pos.line] if pos.line < len(lines) else ""
        return start + len(line.encode("utf-16-le")[: 2 * pos.character].decode("utf-16-le"))

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    if action.edit.document_changes:
        return [e for change in action.edit.document_changes if change.text_document.uri == uri for e in change.edits]
    return list(action.edit.changes[uri])


def command_of(action) -> types.Command:
    """The command of a code action. lsprotocol's client-side parser reads any action that has a
    `command` as a bare Command (the spec tells them apart by whether `command` is a string), so
    the real command arrives as the repr of a dict in `.command`."""
    if isinstance(action, types.CodeAction):
        return action.command
    import ast

    raw = ast.literal_eval(action.command)
    return types.Command(title=raw["title"], command=raw["command"], arguments=raw["arguments"])


async def actions(client, uri: str, rng: types.Range, only=None) -> list[types.CodeAction]:
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=rng,
        context=types.CodeActionContext(diagnostics=[], only=only)))


async def test_utf16_positions_after_an_emoji_a_quick_fix_and_a_change_that_clears_it(tmp_path):
    root = house(tmp_path)
    client, init = await start(root, client_capabilities("visual-studio-code"))
    try:
        assert init.capabilities.position_encoding == types.PositionEncodingKind.Utf16
        uri = open_doc(client, root / "story.md", ARTICLE)
        diags = await published(client, uri, lambda d: "House.Names" in codes(d))
        (diag,) = diags
        # 'Hanyahu' is code point 13 of its line; the emoji before it is two UTF-16 units.
        assert diag.range == types.Range(types.Position(2, 14), types.Position(2, 21))
        assert diag.severity == types.DiagnosticSeverity.Error
        assert (diag.source, diag.message) == ("newslint", "Write 'Haniyeh', not 'Hanyahu'.")

        hover = await client.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(uri=uri), types.Position(2, 16)))
        assert "**House.Names** (error): Write 'Haniyeh', not 'Hanyahu'." in hover.contents.value
        assert await client.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(uri=uri), types.Position(2, 2))) is None

        offered = await actions(client, uri, types.Range(types.Position(2, 16), types.Position(2, 16)))
        titles = [a.title for a in offered]
        assert "Replace 'Hanyahu' with 'Haniyeh'" in titles
        assert "Disable House.Names for this line" in titles
        assert "Add 'Hanyahu' to the vocabulary" in titles
        fix = next(a for a in offered if a.title == "Replace 'Hanyahu' with 'Haniyeh'")
        fixed = apply(ARTICLE, edits_of(fix, uri))
        assert fixed == "Talks 🎉 resume\n\nThe leader 🎉 Haniyeh spoke.\n"
        change(client, uri, 2, fixed)
        assert await published(client, uri, lambda d: not d) == ()

        # Typing: three changes in quick succession are checked once, at the last (debounced).
        for version, text in ((3, ARTICLE[:20]), (4, ARTICLE[:30]), (5, ARTICLE)):
            change(client, uri, version, text)
        seen = []
        while not seen or seen[-1] != 5:
            params = await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 60)
            seen.append(params.version)
        assert seen == [5] and codes(params.diagnostics) == ["House.Names"]
        offered = await actions(client, uri, diag.range)
        disable = next(a for a in offered if a.title == "Disable House.Names for this line")
        quiet = apply(ARTICLE, edits_of(disable, uri))
        assert quiet == ("Talks 🎉 resume\n\n<!-- newslint-disable-next-line House.Names -->\n"
                         "The leader 🎉 Hanyahu spoke.\n")
        change(client, uri, 6, quiet)
        assert await published(client, uri, lambda d: not d) == ()
    finally:
        await stop(client)


@pytest.mark.parametrize(("encoding", "first", "last"), [("utf-8", 16, 23), ("utf-32", 13, 20)])
async def test_the_encoding_the_client_offers(tmp_path, encoding, first, last):
    root = house(tmp_path)
    capabilities = types.ClientCapabilities(general=types.GeneralClientCapabilities(position_encodings=[encoding]))
    client, init = await start(root, capabilities)
    try:
        assert init.capabilities.position_encoding == encoding
        uri = open_doc(client, root / "story.md", ARTICLE)
        (diag,) = await published(client, uri, lambda d: "House.Names" in codes(d))
        assert diag.range == types.Range(types.Position(2, first), types.Position(2, last))
        hover = await client.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(uri=uri), types.Position(2, first)))
        assert hover is not None and hover.range == diag.range
    finally:
        await stop(client)


async def test_config_found_from_the_documents_folder_and_reloaded(tmp_path):
    newsroom = house(tmp_path / "newsroom")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    client, _ = await start(tmp_path, client_capabilities("neovim"))
    try:
        there = open_doc(client, elsewhere / "story.md", ARTICLE)
        here = open_doc(client, newsroom / "story.md", ARTICLE)
        page = open_doc(client, newsroom / "story.html", "<h1>Talks</h1>\n<p>The leader 🎉 Hanyahu spoke.</p>\n", "html")
        await published(client, here, lambda d: "House.Names" in codes(d))
        (in_html,) = await published(client, page, lambda d: "House.Names" in codes(d))
        # Neovim offers UTF-8 first: '<p>The leader ' is 14 bytes, the emoji 4, the space 1.
        assert (in_html.range.start.line, in_html.range.start.character) == (1, 19)
        # No config above `elsewhere`: the built-in packs, which have no House rule.
        assert "House.Names" not in codes(await published(client, there, lambda d: True))

        # The config changes on disk: a watched-file notice reloads it.
        (newsroom / ".newslint.yaml").write_text("packs: [./House]\nrules: {House.Names: off}\n", encoding="utf-8")
        client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[types.FileEvent(
            uri=(newsroom / ".newslint.yaml").as_uri(), type=types.FileChangeType.Changed)]))
        assert await published(client, here, lambda d: not d) == ()

        # Without a notice, a changed config is still seen at the next check (its mtime and size).
        (newsroom / ".newslint.yaml").write_text("packs: [./House]\n", encoding="utf-8")
        change(client, here, 2, ARTICLE + "\n")
        await published(client, here, lambda d: "House.Names" in codes(d))

        # A rule file saved in the editor (the config itself unchanged): reloaded on didSave.
        rule_file = newsroom / "House" / "Names.yml"
        rule_file.write_text(RULE.replace("Hanyahu: Haniyeh", "Hamas: HAMAS"), encoding="utf-8")
        client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri=rule_file.as_uri())))
        assert await published(client, here, lambda d: not d) == ()
        rule_file.write_text(RULE, encoding="utf-8")
        client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri=rule_file.as_uri())))
        await published(client, here, lambda d: "House.Names" in codes(d))

        # A broken config: one error message, and no stale findings.
        (newsroom / ".newslint.yaml").write_text("packs: [./House]\nrulez: {}\n", encoding="utf-8")
        change(client, here, 3, ARTICLE)

        async def error_shown():
            while not any("unknown key 'rulez'" in m.message and m.type == types.MessageType.Error for m in client.messages):
                await client.wait_for_notification(types.WINDOW_SHOW_MESSAGE)
        await asyncio.wait_for(error_shown(), 60)
        assert not client.diagnostics[here]  # cleared just before the message

        # A Vale setup is found as Vale finds it; its vocabulary is Vale's accept.txt, which
        # newslint does not write, so that action is not offered there.
        vale = tmp_path / "vale"
        (vale / "styles" / "House").mkdir(parents=True)
        (vale / "styles" / "House" / "Names.yml").write_text(RULE, encoding="utf-8")
        (vale / ".vale.ini").write_text("StylesPath = styles\n\n[*.md]\nBasedOnStyles = House\n", encoding="utf-8")
        in_vale = open_doc(client, vale / "story.md", ARTICLE)
        (diag,) = await published(client, in_vale, lambda d: "House.Names" in codes(d))
        titles = [a.title for a in await actions(client, in_vale, diag.range)]
        assert "Replace 'Hanyahu' with 'Haniyeh'" in titles
        assert not any("vocabulary" in t for t in titles)
    finally:
        await stop(client)


async def test_add_to_vocabulary_writes_the_accept_list_and_keeps_the_rest(tmp_path):
    config = "# house style\npacks: [./House]  # our rules\nvocabulary:\n  reject: [cease-fire]\n"
    root = house(tmp_path, config)
    client, _ = await start(root, client_capabilities("visual-studio-code"))
    try:
        uri = open_doc(client, root / "story.md", ARTICLE)
        (diag,) = await published(client, uri, lambda d: "House.Names" in codes(d))
        offered = await actions(client, uri, diag.range, only=[types.CodeActionKind.QuickFix])
        add = next(a for a in offered if a.title == "Add 'Hanyahu' to the vocabulary")
        command = command_of(add)
        assert (command.command, command.arguments) == ("newslint.addToVocabulary", [uri, "Hanyahu"])
        await client.workspace_execute_command_async(types.ExecuteCommandParams(
            command=command.command, arguments=command.arguments))
        assert (root / ".newslint.yaml").read_text(encoding="utf-8") == (
            "# house style\npacks: [./House]  # our rules\nvocabulary:\n  accept: [Hanyahu]\n  reject: [cease-fire]\n")
        assert await published(client, uri, lambda d: not d) == ()
    finally:
        await stop(client)


async def test_seed_quick_fix_writes_haniyeh_and_fix_all_matches_the_cli(tmp_path):
    from newslint.config import ConfigCache
    from newslint.document.reader import read_document
    from newslint.engine import FixMode, check_file

    text = SEED.read_text(encoding="utf-8")
    client, _ = await start(tmp_path, client_capabilities("visual-studio-code"))
    try:
        uri = open_doc(client, SEED, text, "plaintext")
        # KnownNames needs spaCy: it arrives with the publish that follows the model's loading.
        diags = await published(client, uri, lambda d: "Newsroom.KnownNames" in codes(d))
        hanyahu = next(d for d in diags if d.code == "Newsroom.KnownNames" and d.range.start.line == 14)
        assert hanyahu.code_description.href.endswith("docs/rules.md#newsroomknownnames")
        hover = await client.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(uri=uri), hanyahu.range.start))
        assert "**Newsroom.KnownNames** (warning)" in hover.contents.value
        assert "**What it does.**" in hover.contents.value  # the rule's description, as `newslint explain` prints it
        assert "docs/rules.md#newsroomknownnames)" in hover.contents.value
        offered = await actions(client, uri, hanyahu.range)
        fix = next(a for a in offered if a.title == "Replace 'Hanyahu' with 'Haniyeh'")
        fixed = apply(text, edits_of(fix, uri))
        assert "Prime Minister Ismail Haniyeh accused him" in fixed
        assert fixed.replace("Haniyeh accused", "Hanyahu accused") == text

        (lazy,) = await actions(client, uri, hanyahu.range, only=[types.CodeActionKind.SourceFixAll])
        assert lazy.edit is None  # made only when chosen: the client resolves it
        fix_all = await client.code_action_resolve_async(lazy)
        expected = check_file(read_document(SEED), ConfigCache(None).for_file(SEED), fix=FixMode(write=False)).doc.text
        assert apply(text, edits_of(fix_all, uri)) == expected != text

        change(client, uri, 2, fixed)
        after = await published(client, uri, lambda d: not any(x.range.start.line == 14 and x.code == "Newsroom.KnownNames" for x in d))
        assert "Newsroom.TitleSuffix" in codes(after)  # the other findings stay
    finally:
        await stop(client)
