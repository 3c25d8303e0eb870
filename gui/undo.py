"""QUndoStack glue: a core command wrapped as a QUndoCommand, saved after every step.

`push_command(stack, document, command)` is the one way the GUI edits: it applies the command
first (so a CommandError reaches the caller as a readable error and nothing is pushed), then
pushes an adapter whose first redo() is skipped. Later redo()/undo() call Document.apply /
Document.revert, then Document.save() (the store's hook). Consecutive keyboard nudges of the
same boundary merge into one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from goftar.core.commands import Changes, Command, SetSpan
from goftar.core.document import Document
from PySide6.QtGui import QUndoCommand, QUndoStack

_NUDGE_ID = 1001


class CommandAdapter(QUndoCommand):
    """Wraps (document, core command). `on_saved(changes)` runs after each step's save."""

    def __init__(self, document: Document, command: Command, on_saved: Callable[[Changes], Any] | None = None,
                 *, already_done: bool = False, parent: QUndoCommand | None = None):
        super().__init__(command.text, parent)
        self.document = document
        self.command = command
        self.on_saved = on_saved
        self._skip_redo = already_done

    def redo(self) -> None:
        if self._skip_redo:       # push_command already applied it
            self._skip_redo = False
            return
        self._after(self.document.apply(self.command))

    def undo(self) -> None:
        self._after(self.document.revert(self.command))

    def _after(self, changes: Changes) -> None:
        self.document.save()
        if self.on_saved is not None:
            self.on_saved(changes)

    def id(self) -> int:
        return _NUDGE_ID if isinstance(self.command, SetSpan) and self.command.nudge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, CommandAdapter) or other.document is not self.document:
            return False
        cmd = self.command
        if isinstance(cmd, SetSpan) and isinstance(other.command, SetSpan) and cmd.merge(other.command):
            self.setText(cmd.text)
            return True
        return False


def push_command(stack: QUndoStack, document: Document, command: Command,
                 on_saved: Callable[[Changes], Any] | None = None) -> Changes:
    """Apply `command` to `document`, save, and push it on `stack` as one undo step.

    Raises CommandError (nothing changed, nothing pushed) when the edit is not possible; a
    command that changes nothing is not pushed either.
    """
    changes = document.apply(command)
    if not changes:
        return changes
    adapter = CommandAdapter(document, command, on_saved, already_done=True)
    stack.push(adapter)           # redo() is skipped once; mergeWith may fold it into the previous step
    document.save()
    if on_saved is not None:
        on_saved(changes)
    return changes


class DocumentUndo:
    """Convenience: a QUndoStack bound to one Document, with `push(command)` as the executor
    the panel models take (`QuotesModel(doc, executor=undo.push)`)."""

    def __init__(self, document: Document, stack: QUndoStack | None = None,
                 on_saved: Callable[[Changes], Any] | None = None):
        self.document = document
        self.stack = stack if stack is not None else QUndoStack()
        self.on_saved = on_saved

    def push(self, command: Command) -> Changes:
        return push_command(self.stack, self.document, command, self.on_saved)
