"""Edit commands over a `Record`: small dataclasses with `do(record)` / `undo(record)` → `Changes`.

Undo lives in the core (as in Anki): the GUI wraps a command in a QUndoCommand, applies it
through `goftar.core.document.Document`, and refreshes its views from the returned `Changes`.
"""

from .base import UNSET, Command, CommandError, Compound
from .changes import Changes, EditLog, RowOp
from .dates import date_values
from .items import (
    AcceptAll,
    AddClaim,
    AddDate,
    AddQuote,
    DeleteItem,
    LinkClaim,
    SetCue,
    SetDateValue,
    SetKind,
    SetSpan,
    SetStatus,
)
from .review import SetReviewStatus, mark_reviewed, utc_now_iso
from .speakers import (
    AddMention,
    DeleteMention,
    MergeSpeakers,
    NewSpeaker,
    NewSpeakerFromSpan,
    RenameSpeaker,
    SetSpeaker,
)

__all__ = [
    "UNSET", "AcceptAll", "AddClaim", "AddDate", "AddMention", "AddQuote", "Changes", "Command",
    "CommandError", "Compound", "DeleteItem", "DeleteMention", "EditLog", "LinkClaim", "MergeSpeakers",
    "NewSpeaker", "NewSpeakerFromSpan", "RenameSpeaker", "RowOp", "SetCue", "SetDateValue", "SetKind",
    "SetReviewStatus", "SetSpan", "SetSpeaker", "SetStatus", "date_values", "mark_reviewed", "utc_now_iso",
]
