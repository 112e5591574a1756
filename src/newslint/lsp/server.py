"""`newslint lsp`: a language server over stdio (pygls), for any LSP editor.

Documents are checked when opened and, debounced, as they change; findings are published as
diagnostics in the position encoding the client negotiated. Code actions apply a finding's
fix or suggestion, fix every safe fix, disable a rule for a line or add a word to the
vocabulary; a hover explains the rule. spaCy loads once, in a thread, after `initialized`:
until then the mechanical rules answer, then every open document is checked again.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
import time
from pathlib import Path

from lsprotocol import types
from pygls.capabilities import get_capability
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from newslint import __version__
from newslint.config import CONFIG_NAMES, load_config
from newslint.errors import NewslintError
from newslint.fixing import write_atomic
from newslint.lsp.actions import ADD_TO_VOCABULARY, FIX_ALL, FIX_ALL_TITLE, Actions, diagnostics, finding_range, wants
from newslint.lsp.checker import Checked, Checker
from newslint.lsp.explain import hover_markdown
from newslint.lsp.positions import LineIndex
from newslint.lsp.vocabulary import add_accepted, term_for
from newslint.vale.ini import is_vale_ini

DEBOUNCE = 0.3  # seconds of quiet typing before a changed document is checked again
# Files whose change can change findings: configs, Vale inis, rule files and vocabularies.
WATCHED = ("**/.newslint.yaml", "**/.newslint.yml", "**/*.ini", "**/*.yml", "**/*.yaml", "**/accept.txt", "**/reject.txt")


class NewslintServer(LanguageServer):
    def __init__(self, checker: Checker):
        # Full sync: an article is a few KB, and the client's whole text is never split into
        # lines differently from the client (pygls applies incremental edits with splitlines,
        # which also breaks at form feeds and U+2028).
        super().__init__("newslint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.checker = checker
        self.results: dict[str, tuple[int | None, Checked]] = {}  # uri -> (version checked, result)
        self.pending: dict[str, asyncio.Task] = {}
        self.shown: set[str] = set()  # config errors already shown (once each, not per keystroke)
        self.loop: asyncio.AbstractEventLoop | None = None

    # -- helpers ---------------------------------------------------------------
    @property
    def encoding(self) -> str:
        enc = self.workspace.position_encoding
        return str(getattr(enc, "value", enc) or "utf-16")

    def index(self, text: str) -> LineIndex:
        return LineIndex(text, self.encoding)

    def log(self, message: str, kind=types.MessageType.Info) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=f"newslint: {message}"))

    def show(self, message: str, kind=types.MessageType.Error, once: bool = True) -> None:
        if not once or message not in self.shown:
            self.shown.add(message)
            self.window_show_message(types.ShowMessageParams(type=kind, message=f"newslint: {message}"))

    @staticmethod
    def path_of(uri: str) -> str | None:
        return to_fs_path(uri) if uri.startswith("file:") else None

    # -- checking --------------------------------------------------------------
    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Check `uri` after `delay` seconds, replacing a check already waiting for it."""
        if (old := self.pending.pop(uri, None)) is not None:
            old.cancel()
        self.pending[uri] = asyncio.ensure_future(self._check_later(uri, delay))

    def recheck_all(self) -> None:
        """Check every open document again (the config or the NLP rules changed, not the text)."""
        self.results.clear()
        for uri in list(self.workspace.text_documents):
            self.schedule(uri)

    async def _check_later(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        found = await self.current(uri)
        self.pending.pop(uri, None)
        if found is None:
            return  # a broken config: already cleared and shown
        version, result = found  # not an article, or ignored by the config: no findings
        diags = diagnostics(result, self.index(result.text), lambda name: self.checker.rule(result.config, name))
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diags, version=version))

    async def current(self, uri: str) -> tuple[int | None, Checked] | None:
        """(version, check) of the document's current text, checked now unless already known."""
        if uri not in self.workspace.text_documents:
            return None
        document = self.workspace.get_text_document(uri)
        version, text = document.version, document.source
        known = self.results.get(uri)
        if known is not None and known[0] == version and known[1].text == text and not self._stale(known[1]):
            return known
        try:
            checked = await asyncio.get_running_loop().run_in_executor(
                None, self.checker.check, self.path_of(uri), text, document.language_id)
        except NewslintError as exc:  # a broken config: say so once, and show no stale findings
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
            self.show(str(exc))
            return None
        except Exception as exc:  # a bug must not take the editor's server down: log it
            self.log(f"internal error checking {uri}: {type(exc).__name__}: {exc}", types.MessageType.Error)
            return None
        notes, self.checker.notes = self.checker.notes, []
        for problem in notes + checked.problems:
            self.log(problem, types.MessageType.Warning)
        if uri in self.workspace.text_documents and self.workspace.get_text_document(uri).version == version:
            self.results[uri] = (version, checked)
        return version, checked

    async def fixed(self, uri: str, version: int | None, checked: Checked) -> Checked:
        """What fixing every safe fix would make of this version (as `newslint check --fix` writes it)."""
        language = self.workspace.get_text_document(uri).language_id
        return await asyncio.get_running_loop().run_in_executor(
            None, lambda: self.checker.check(self.path_of(uri), checked.text, language, fix=True))

    def _stale(self, checked: Checked) -> bool:
        """A result checked without the NLP rules, now that they can run."""
        return not checked.nlp and self.checker.nlp_ready.is_set() and self.checker.nlp_missing is None

    def load_nlp(self) -> None:
        """In a thread: load spaCy, then check every open document again with the NLP rules."""
        started = time.perf_counter()
        ok = self.checker.load_nlp()
        if self.loop is None:
            return
        # The protocol's writer belongs to the event loop's thread: hand it the messages.
        if ok:
            self.loop.call_soon_threadsafe(self.log, f"spaCy ready in {time.perf_counter() - started:.1f} s: the NLP rules now run")
            self.loop.call_soon_threadsafe(self.recheck_all)
        else:
            self.loop.call_soon_threadsafe(self.log, f"the NLP rules are off: {self.checker.nlp_missing} "
                                           "(pip install 'newslint[nlp]')", types.MessageType.Warning)

    # -- vocabulary ------------------------------------------------------------
    def add_to_vocabulary(self, uri: str, word: str) -> str:
        """Write `word` into the accept list of the config the document uses (a new
        .newslint.yaml in its folder when none is found); returns the file written."""
        path = self.path_of(uri)
        found = self.checker.config_path(path)
        if found is not None and is_vale_ini(found):
            raise NewslintError(f"{found} is a Vale config: add '{word}' to its vocabulary's accept.txt")
        target = found or (Path(path).parent if path else self.checker.root) / CONFIG_NAMES[0]
        text = target.read_text(encoding="utf-8") if target.exists() else ""
        write_atomic(target, add_accepted(text, term_for(word), str(target)))
        self.checker.forget_configs()
        return str(target)


def build(checker: Checker) -> NewslintServer:
    server = NewslintServer(checker)

    @server.feature(types.INITIALIZE)
    def initialize(ls: NewslintServer, params: types.InitializeParams):
        folders = params.workspace_folders or []
        root = folders[0].uri if folders else params.root_uri
        if root and root.startswith("file:"):
            ls.checker.root = Path(to_fs_path(root))

    @server.feature(types.INITIALIZED)
    async def initialized(ls: NewslintServer, params: types.InitializedParams):
        ls.loop = asyncio.get_running_loop()
        threading.Thread(target=ls.load_nlp, name="newslint-spacy", daemon=True).start()
        watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watched and watched.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED])
            try:
                await ls.client_register_capability_async(types.RegistrationParams(registrations=[types.Registration(
                    id="newslint-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options)]))
            except Exception as exc:  # the client said it could, then refused: configs are still checked by mtime
                ls.log(f"could not watch config files: {exc}", types.MessageType.Warning)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams):
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams):
        ls.schedule(params.text_document.uri, DEBOUNCE)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams):
        if (ls.path_of(params.text_document.uri) or "").endswith(_CONFIGISH):
            ls.checker.forget_configs()  # a config, rule or vocabulary saved from this editor
            ls.recheck_all()

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams):
        uri = params.text_document.uri
        if (task := ls.pending.pop(uri, None)) is not None:
            task.cancel()
        ls.results.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched_files(ls: NewslintServer, params: types.DidChangeWatchedFilesParams):
        ls.checker.forget_configs()
        ls.recheck_all()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: NewslintServer, params: types.HoverParams):
        current = await ls.current(params.text_document.uri)
        if current is None or current[1].doc is None:
            return None
        checked = current[1]
        index = ls.index(checked.text)
        at = index.offset(params.position.line, params.position.character) - checked.shift
        under = [f for f in checked.findings if f.offset <= at <= f.end_offset]
        if not under:
            return None
        text = "\n\n---\n\n".join(hover_markdown(f, ls.checker.rule(checked.config, f.rule)) for f in under)
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
                           range=finding_range(index, checked, under[0]))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL], resolve_provider=True))
    async def code_action(ls: NewslintServer, params: types.CodeActionParams):
        uri = params.text_document.uri
        current = await ls.current(uri)
        if current is None or current[1].doc is None:
            return None
        version, checked = current
        edits = ls.client_capabilities.workspace and ls.client_capabilities.workspace.workspace_edit
        actions = Actions(uri, version, checked, ls.index(checked.text), bool(edits and edits.document_changes))
        only = params.context.only
        out: list[types.CodeAction] = []
        if wants(only, types.CodeActionKind.QuickFix):
            diags = diagnostics(checked, actions.index, lambda name: ls.checker.rule(checked.config, name))
            diag_of = dict(zip(map(id, checked.findings), diags))
            # A Vale config keeps its vocabulary in accept.txt files: newslint does not write those.
            vale = checked.config is not None and checked.config.path is not None and is_vale_ini(checked.config.path)
            for f in actions.at(params.range):
                diag, rule = diag_of[id(f)], ls.checker.rule(checked.config, f.rule)
                out += actions.quick_fixes(f, diag)
                out += [a for a in (actions.disable_line(f, diag),
                                    None if vale else actions.add_to_vocabulary(f, diag, rule)) if a]
        if wants(only, FIX_ALL) and any(f.fix is not None and f.fix.safe for f in checked.findings):
            resolve = get_capability(ls.client_capabilities, "text_document.code_action.resolve_support", None)
            if resolve is not None and "edit" in resolve.properties:
                # An editor asks for actions at every cursor move: the edit, a whole re-check with
                # fixes, is made only when this one is chosen (codeAction/resolve).
                out.append(types.CodeAction(title=FIX_ALL_TITLE, kind=FIX_ALL, data={"uri": uri, "version": version}))
            elif action := actions.fix_all(await ls.fixed(uri, version, checked)):
                out.append(action)
        return out

    @server.feature(types.CODE_ACTION_RESOLVE)
    async def resolve_code_action(ls: NewslintServer, action: types.CodeAction):
        data = action.data if isinstance(action.data, dict) else {}
        current = await ls.current(data.get("uri", ""))
        if action.kind != FIX_ALL or current is None or current[0] != data.get("version") or current[1].doc is None:
            return action  # the document changed since: no edit, rather than a stale one
        version, checked = current
        edits = ls.client_capabilities.workspace and ls.client_capabilities.workspace.workspace_edit
        actions = Actions(data["uri"], version, checked, ls.index(checked.text), bool(edits and edits.document_changes))
        resolved = actions.fix_all(await ls.fixed(data["uri"], version, checked))
        return resolved or action

    @server.command(ADD_TO_VOCABULARY)
    def add_to_vocabulary(ls: NewslintServer, uri: str, word: str):
        try:
            target = ls.add_to_vocabulary(uri, word)
        except (NewslintError, OSError) as exc:
            ls.show(str(exc))
            return None
        ls.show(f"added '{word}' to the vocabulary in {target}", types.MessageType.Info, once=False)
        ls.recheck_all()
        return target

    return server


_CONFIGISH = CONFIG_NAMES + (".ini", ".yml", ".yaml", "accept.txt", "reject.txt")


class _OneLine(logging.Formatter):
    """pygls logs a malformed message or a failed handler with its traceback; the editor's log
    gets one line saying what went wrong instead."""

    def format(self, record: logging.LogRecord) -> str:
        why = record.exc_info[1] if record.exc_info else None
        return f"newslint lsp: {record.getMessage()}" + (f": {type(why).__name__}: {why}" if why else "")


def run(config: Path | None = None) -> None:
    """Serve over stdin/stdout until the client says exit. A bad --config is one line, exit 2
    (raised before any protocol starts)."""
    if config is not None:
        load_config(config)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine())
    pygls_log = logging.getLogger("pygls")
    pygls_log.addHandler(handler)
    pygls_log.setLevel(logging.WARNING)
    pygls_log.propagate = False
    protocol_out = sys.stdout.buffer
    sys.stdout = sys.stderr  # stdout carries the protocol: a stray print must not corrupt it
    build(Checker(config)).start_io(sys.stdin.buffer, protocol_out)
