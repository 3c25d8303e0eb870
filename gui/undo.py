"""QUndoStack glue: a core command wrapped as a QUndoCommand, saved after every step.

`push_command(stack, document, command)` is the one way the GUI edits: it applies the command
first (so a CommandError reaches the caller as a readable error and nothing is pushed), then
pushes an adapter whose first redo() is skipped. Later redo()/undo() (Ctrl+Z, Ctrl+Shift+Z) call
Document.apply / Document.revert, then Document.save() (the store's hook). Errors there cannot
propagate through Qt, so they go to `on_error` (the shell shows a dialog). Consecutive keyboard
nudges of the same boundary merge into one undo step.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from goftar.core import commands as C
from goftar.core.commands import Changes, Command, SetSpan
from goftar.core.document import Document

_NUDGE_ID = 1001
_log = logging.getLogger(__name__)

OnSaved = Callable[[Changes], Any]
OnError = Callable[[BaseException], Any]


def _kind(kind: str) -> str:
    from goftar.gui.i18n import tr

    return tr(f"kind.{kind}")


#: per command class: (catalogue key variant or "", arguments for %1, %2…) of its undo-menu label
_LABEL_PARTS: dict[type, Callable[[Any], tuple[str, tuple[object, ...]]]] = {
    C.SetStatus: lambda c: (c.status if c.status in ("accept", "reject") else "", (c.item_id, c.status)),
    C.AcceptAll: lambda c: ("", ()),
    C.AddQuote: lambda c: ("", (_kind(c.kind),)),
    C.AddClaim: lambda c: ("", ()),
    C.AddDate: lambda c: ("", ()),
    C.SetKind: lambda c: ("", (c.quote_id, _kind(c.kind))),
    C.SetCue: lambda c: ("" if c.start is not None else "clear", (c.quote_id,)),
    C.SetSpan: lambda c: ("mention" if c.mention else "", (c.item_id,)),
    C.LinkClaim: lambda c: ("", (c.claim_id,)),
    C.SetDateValue: lambda c: ("", (c.date_id,)),
    C.DeleteItem: lambda c: ("", (c.item_id,)),
    C.SetReviewStatus: lambda c: (c.status, (c.status,)),
    C.AddMention: lambda c: ("", (c.speaker_id,)),
    C.DeleteMention: lambda c: ("", (c.speaker_id,)),
    C.NewSpeaker: lambda c: ("quote" if c.quote_id else "", (c.quote_id,)),
    C.SetSpeaker: lambda c: ("" if c.speaker_id else "none", (c.quote_id, c.speaker_id)),
    C.MergeSpeakers: lambda c: ("", (", ".join(c.others), c.target)),
    C.RenameSpeaker: lambda c: ("", (c.speaker_id,)),
}


def command_label(command: Command) -> str:
    """The undo-menu text in the interface language: the catalogue's `cmd.<ClassName>[.variant]`.

    A compound step is named by its label, and the labels the core gives compounds are the text
    of one of their commands (mark_reviewed, an edit that also starts the review), so that
    command names it. A command the catalogue does not know keeps its own (English) `text`.
    """
    from goftar.gui.i18n import CATALOGUE, tr

    if isinstance(command, C.Compound):
        named = next((c for c in command.commands if c.text == command.text), None)
        return command_label(named) if named is not None else command.text
    parts = _LABEL_PARTS.get(type(command))
    if parts is None:
        return command.text
    variant, args = parts(command)
    key = f"cmd.{type(command).__name__}"
    if variant and f"{key}.{variant}" in CATALOGUE:
        key = f"{key}.{variant}"
    # ids (q8, s2) and names isolated: a Persian label would otherwise move them about
    from goftar.gui.bidi import isolate

    return tr(key, *(isolate(a) if isinstance(a, str) else a for a in args)) if key in CATALOGUE else command.text


class CommandAdapter(QUndoCommand):
    """Wraps (document, core command). `on_saved(changes)` runs after each step's save."""

    def __init__(self, document: Document, command: Command, on_saved: OnSaved | None = None, *,
                 on_error: OnError | None = None, already_done: bool = False,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(command_label(command), parent)
        self.document = document
        self.command = command
        self.on_saved = on_saved
        self.on_error = on_error
        self._skip_redo = already_done

    def redo(self) -> None:
        if self._skip_redo:       # push_command already applied it
            self._skip_redo = False
            return
        self._step(self.document.apply)

    def undo(self) -> None:
        self._step(self.document.revert)

    def _step(self, action: Callable[[Command], Changes]) -> None:
        # Qt calls redo()/undo(); an exception cannot cross it, so it is reported instead
        try:
            changes = action(self.command)
            self.document.save()
            if self.on_saved is not None:
                self.on_saved(changes)
        except Exception as ex:
            if self.on_error is None:
                _log.exception("undo/redo of %r failed", self.command.text)
            else:
                self.on_error(ex)

    def id(self) -> int:
        return _NUDGE_ID if isinstance(self.command, SetSpan) and self.command.nudge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, CommandAdapter) or other.document is not self.document:
            return False
        cmd = self.command
        if isinstance(cmd, SetSpan) and isinstance(other.command, SetSpan) and cmd.merge(other.command):
            self.setText(command_label(cmd))
            if cmd._log is not None and cmd._log.is_noop():
                self.setObsolete(True)     # nudged back to where it was: the stack drops the step
            return True
        return False


def push_command(stack: QUndoStack, document: Document, command: Command, on_saved: OnSaved | None = None,
                 *, on_error: OnError | None = None) -> Changes:
    """Apply `command` to `document`, save, and push it on `stack` as one undo step.

    Raises CommandError (nothing changed, nothing pushed) when the edit is not possible; a
    command that changes nothing is not pushed either. An error of the save hook propagates
    too (the edit stays done and on the stack, so nothing the analyst did is lost).
    """
    changes = document.apply(command)
    if not changes:
        return changes
    adapter = CommandAdapter(document, command, on_saved, on_error=on_error, already_done=True)
    stack.push(adapter)           # redo() is skipped once; mergeWith may fold it into the previous step
    document.save()
    if on_saved is not None:
        on_saved(changes)
    return changes


class DocumentUndo:
    """Convenience: a QUndoStack bound to one Document, with `push(command)` as the executor
    the panel models take (`QuotesModel(doc, executor=undo.push)`)."""

    def __init__(self, document: Document, stack: QUndoStack | None = None, on_saved: OnSaved | None = None,
                 *, on_error: OnError | None = None) -> None:
        self.document = document
        self.stack = stack if stack is not None else QUndoStack()
        self.on_saved = on_saved
        self.on_error = on_error

    def push(self, command: Command) -> Changes:
        return push_command(self.stack, self.document, command, self.on_saved, on_error=self.on_error)
