"""The review edits: each reads the selection and the current item, builds a core command, runs it.

Every edit is a `goftar.core.commands` command pushed on the session's undo stack, so it is
undoable and saved through the store. The decisions that belong to the data (which kind a new
quote starts with, where a word boundary is) are in `goftar.core.review_rules` and
`goftar.core.text.word_steps`; this module only gathers the selection and the current item.
Dialogs are thin (the chooser, QInputDialog) so the whole loop works from the keyboard.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget

from goftar.core import commands as C
from goftar.core.model import Record
from goftar.core.review_rules import item_with_span, next_quote_kind, quote_for_claim, quote_kind_for_span
from goftar.core.text.word_steps import WordSteps
from goftar.gui import chooser
from goftar.gui.actions import ActionSet
from goftar.gui.article_view import ArticleView
from goftar.gui.bidi import id_label, in_ui_direction, isolate, ltr
from goftar.gui.i18n import tr
from goftar.gui.panels.base import ItemPanel
from goftar.gui.review_session import ReviewSession

SPAN_LAYERS = ("quotes", "claims", "dates")


class EditOperations(QObject):
    """The annotate and review actions: add, change, move between and accept items; mark reviewed."""

    statusMessage = Signal(str)

    def __init__(self, session: ReviewSession, view: ArticleView, panels: dict[str, ItemPanel], actions: ActionSet, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.view = view
        self.panels = panels
        self.window = window
        self._steps: WordSteps | None = None
        #: the layer N/P walk while no item is current (set by the go-to-layer actions)
        self.layer = "quotes"
        view.spanDragged.connect(self.drag_span)
        connect = {
            "add_quote": self.add_quote, "add_claim": self.add_claim, "add_date": self.add_date,
            "new_speaker": self.new_speaker, "add_mention": self.add_mention, "set_cue": self.set_cue,
            "set_speaker": self.set_speaker, "cycle_kind": self.cycle_kind, "link_claim": self.link_claim,
            "start_left": lambda: self.nudge_on_screen("start", "left"),
            "start_right": lambda: self.nudge_on_screen("start", "right"),
            "end_left": lambda: self.nudge_on_screen("end", "left"),
            "end_right": lambda: self.nudge_on_screen("end", "right"),
            "span_from_selection": self.span_from_selection,
            "accept": lambda: self.set_status("accept"), "reject": lambda: self.set_status("reject"),
            "accept_all": self.accept_all, "delete": self.delete, "merge_speakers": self.merge_speakers,
            "rename_speaker": self.rename_speaker, "next_item": lambda: self.step_item(1),
            "prev_item": lambda: self.step_item(-1), "mark_reviewed": self.mark_reviewed, "skip": self.skip,
            "next_unreviewed": lambda: self.goto_unreviewed(1), "prev_unreviewed": lambda: self.goto_unreviewed(-1),
            "extract": lambda: self.session.extract(),
            "goto_quotes": lambda: self.goto_layer("quotes"), "goto_speakers": lambda: self.goto_layer("speakers"),
            "goto_claims": lambda: self.goto_layer("claims"), "goto_dates": lambda: self.goto_layer("dates"),
        }
        for name, fn in connect.items():
            actions[name].triggered.connect(lambda _checked=False, f=fn: f())

    # ------------------------------------------------------------------ helpers
    @property
    def record(self) -> Record | None:
        return self.session.record

    def say(self, key: str) -> None:
        self.statusMessage.emit(tr(key))

    def selection(self) -> tuple[int, int] | None:
        """The view's selection in code points, snapped to whole words unless Alt was held."""
        rec = self.record
        if rec is None:
            return None
        start, end = self.view.selection_cp()
        if end <= start:
            self.say("sb.no_selection")
            return None
        alt = self.view.alt_selection or bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.AltModifier)
        if alt:
            return start, end
        from goftar.core.text.snap import char_span

        span = char_span(rec.text, start, end, mode="expand")
        if span is None or span.end <= span.start:
            self.say("sb.snap_failed")
            return None
        return span.start, span.end

    def current(self, *layers: str) -> tuple[str, Any] | None:
        """The current item when it belongs to one of `layers`."""
        rec, cur = self.record, self.session.current
        if rec is None or cur is None:
            self.say("sb.no_item")
            return None
        found = rec.item(cur[1])
        if found is None:
            self.say("sb.no_item")
            return None
        if layers and found[0] not in layers:
            # say what the action needs, not "select an item": one is selected, of another kind
            self.say("sb.needs_" + "_or_".join(layers))
            return None
        return found

    def run(self, command: Any, *, select: tuple[str, str] | None = None) -> bool:
        ok = self.session.run(command)
        if ok and select is not None:
            self.session.set_current(*select)
        return ok

    # ------------------------------------------------------------------ adding
    def add_quote(self) -> None:
        sel = self.selection()
        if sel is None:
            return
        rec = self.record
        assert rec is not None
        if self._take_existing("quotes", sel):
            return
        cmd = C.AddQuote(sel[0], sel[1], kind=quote_kind_for_span(rec.text, *sel))
        if self.run(cmd):
            self.session.set_current("quotes", cmd.new_id)

    def add_claim(self) -> None:
        sel = self.selection()
        if sel is None:
            return
        if self._take_existing("claims", sel):
            return
        cur = self.session.current
        rec = self.record
        q = quote_for_claim(rec, cur[1] if cur and cur[0] == "quotes" else None, *sel) if rec is not None else None
        cmd = C.AddClaim(sel[0], sel[1], source=q.speaker if q else None, quote=q.id if q else None)
        if self.run(cmd):
            self.session.set_current("claims", cmd.new_id)

    def add_date(self) -> None:
        sel = self.selection()
        if sel is None:
            return
        if self._take_existing("dates", sel):
            return
        cmd = C.AddDate(sel[0], sel[1])
        if self.run(cmd):
            self.session.set_current("dates", cmd.new_id)

    def _take_existing(self, layer: str, sel: tuple[int, int]) -> bool:
        """Adding what is already there (a suggestion with exactly this range) accepts and selects it
        instead of making a duplicate the export would carry twice."""
        rec = self.record
        item = item_with_span(rec, layer, *sel) if rec is not None else None
        if item is None:
            return False
        if item.status in ("suggested", "rejected"):
            self.run(C.SetStatus(item.id, "accept"))
        self.session.set_current(layer, item.id)
        self.say("sb.already_there")
        return True

    def new_speaker(self) -> None:
        """A new speaker from the selection; it becomes the current quote's speaker when one is chosen."""
        sel = self.selection()
        if sel is None:
            return
        cur = self.session.current
        quote = cur[1] if cur and cur[0] == "quotes" else None
        cmd = C.NewSpeakerFromSpan(sel[0], sel[1], quote_id=quote)
        if self.run(cmd):
            self.session.set_current("speakers", cmd.new_id)

    def add_mention(self) -> None:
        found = self.current("speakers", "quotes")
        if found is None:
            return
        layer, item = found
        sid = item.id if layer == "speakers" else item.speaker
        if not sid:
            self.say("sb.no_speaker")
            return
        sel = self.selection()
        if sel is not None:
            self.run(C.AddMention(sid, sel[0], sel[1]))

    def set_cue(self) -> None:
        found = self.current("quotes")
        if found is None:
            return
        sel = self.selection()
        if sel is not None:
            self.run(C.SetCue(found[1].id, sel[0], sel[1]))

    # ------------------------------------------------------------------ changing
    def set_status(self, status: str) -> None:
        found = self.current(*SPAN_LAYERS)
        if found is None:
            return
        if self.run(C.SetStatus(found[1].id, status)):
            # move on, so A/R alone walk through the suggestions (a rejected item is hidden anyway)
            self.step_item(1, from_id=found[1].id)

    def accept_all(self) -> None:
        self.run(C.AcceptAll())

    def cycle_kind(self) -> None:
        found = self.current("quotes")
        if found is None:
            return
        q = found[1]
        self.run(C.SetKind(q.id, next_quote_kind(q.kind)))

    def delete(self) -> None:
        found = self.current()
        if found is None:
            return
        self.run(C.DeleteItem(found[1].id))
        self.session.set_current("", "")

    def nudge_on_screen(self, edge: str, side: str) -> None:
        """Move an edge one word towards `side` ('left'/'right') as the text is shown: in a
        right-to-left paragraph left is forward in reading order, in a left-to-right one backward."""
        found = self.current(*SPAN_LAYERS)
        if found is None:
            return
        rtl = self.view.is_rtl_at(found[1].start)
        self.nudge(edge, 1 if (side == "left") == rtl else -1)

    def nudge(self, edge: str, step: int) -> None:
        """Move the current item's start or end by one word (step -1: earlier, +1: later)."""
        found = self.current(*SPAN_LAYERS)
        rec = self.record
        if found is None or rec is None:
            return
        item = found[1]
        start, end = self._word_steps(rec).nudge(item.start, item.end, edge, step)
        if (start, end) != (item.start, item.end):
            self.run(C.SetSpan(item.id, start, end, nudge=True))
            self.view.show_span(start, end, flash=False)

    def drag_span(self, edge: str, start: int, end: int) -> None:
        """A dragged edge lands on a word boundary (the dragged side only); Alt keeps the exact point."""
        found = self.current(*SPAN_LAYERS)
        rec = self.record
        if found is None or rec is None:
            return
        item = found[1]
        if not (QApplication.keyboardModifiers() & Qt.KeyboardModifier.AltModifier):
            start, end = self._word_steps(rec).snap_edge(start, end, edge)
        if (start, end) != (item.start, item.end):
            self.run(C.SetSpan(item.id, start, end))

    def span_from_selection(self) -> None:
        """The current item takes the selected range (snapped), keeping its links."""
        found = self.current(*SPAN_LAYERS)
        sel = self.selection() if found is not None else None
        if found is not None and sel is not None and sel != (found[1].start, found[1].end):
            self.run(C.SetSpan(found[1].id, *sel))

    def _word_steps(self, rec: Record) -> WordSteps:
        if self._steps is None or self._steps.text is not rec.text:
            self._steps = WordSteps(rec.text)
        return self._steps

    def _speaker_choices(self, rec: Record, exclude: str | None = None) -> list[tuple[str, str | None]]:
        out: list[tuple[str, str | None]] = []
        for s in rec.speakers:
            if s.id != exclude:
                role = f" — {isolate(s.role)}" if s.role else ""
                out.append((in_ui_direction(f"{isolate(s.name)}{role}  {ltr(f'[{s.id}]')}"), s.id))
        return out

    def _choose(self, title_key: str, choices: list[tuple[str, Any]], current: int = 0) -> Any:
        labels = [c[0] for c in choices]
        if not labels:
            return _NO_CHOICE
        # type-ahead matches anywhere in a label: a family name or a role finds the speaker
        label, ok = chooser.choose_item(self.window, tr("app.title"), tr(title_key), labels, current)
        if not ok or label not in labels:
            return _NO_CHOICE
        return choices[labels.index(label)][1]

    def set_speaker(self) -> None:
        """The speaker of the current quote, or the source of the current claim."""
        found = self.current("quotes", "claims")
        rec = self.record
        if found is None or rec is None:
            return
        layer, item = found
        now_id = item.speaker if layer == "quotes" else item.source
        choices: list[tuple[str, str | None]] = [(tr("dlg.none"), None), *self._speaker_choices(rec)]
        now = next((i for i, c in enumerate(choices) if c[1] == now_id), 0)
        sid = self._choose("dlg.choose_speaker", choices, now)
        if sid is _NO_CHOICE:
            return
        self.run(C.SetSpeaker(item.id, sid) if layer == "quotes" else C.LinkClaim(item.id, source=sid))

    def link_claim(self) -> None:
        found = self.current("claims")
        rec = self.record
        if found is None or rec is None:
            return
        c = found[1]
        choices: list[tuple[str, str | None]] = [(tr("dlg.none"), None)]
        choices += [(id_label(q.id, q.text[:60]), q.id) for q in rec.quotes if q.status != "rejected"]
        qid = self._choose("dlg.choose_quote", choices)
        if qid is _NO_CHOICE:
            return
        q = rec.quote(qid)
        self.run(C.LinkClaim(c.id, quote=qid, source=q.speaker if q is not None else C.UNSET))

    def merge_speakers(self) -> None:
        found = self.current("speakers")
        rec = self.record
        if found is None or rec is None:
            return
        target = self._choose("dlg.merge_into", self._speaker_choices(rec, exclude=found[1].id))
        if target is not _NO_CHOICE and target is not None and self.run(C.MergeSpeakers(target, (found[1].id,))):
            self.session.set_current("speakers", target)

    def rename_speaker(self) -> None:
        found = self.current("speakers")
        if found is None:
            return
        sp = found[1]
        name, ok = QInputDialog.getText(self.window, tr("app.title"), tr("dlg.rename"), text=sp.name)
        if ok and name.strip() and name.strip() != sp.name:
            self.run(C.RenameSpeaker(sp.id, name=name.strip()))

    # ------------------------------------------------------------------ moving
    def ordered_items(self, layer: str) -> list[str]:
        """Item ids in the panel's order when the analyst sorted it, else in text order."""
        panel = self.panels.get(layer)
        rec = self.record
        sorted_panel = panel is not None and panel.table.horizontalHeader().sortIndicatorSection() >= 0 \
            and panel.proxy.sortColumn() >= 0
        ids = panel.ordered_ids() if sorted_panel else []
        if not ids and rec is not None:
            ids = [it.id for it in getattr(rec, layer)]
        if rec is not None and layer in SPAN_LAYERS and not self.view.show_rejected:
            status = {it.id: it.status for it in getattr(rec, layer)}
            ids = [i for i in ids if status.get(i) != "rejected"]
        return ids

    def goto_layer(self, layer: str) -> None:
        """Make `layer` the one N/P/A/R work on: its panel comes up and its first item is selected.

        The keyboard focus stays where it is (normally the text), so the single keys go on working."""
        panel = self.panels[layer]
        panel.show()
        panel.raise_()
        self.layer = layer
        cur = self.session.current
        if cur is not None and cur[0] == layer:
            self.session.set_current(*cur)  # shows it again
            return
        ids = self.ordered_items(layer)
        if ids:
            self.session.set_current(layer, ids[0])
        else:
            self.session.set_current("", "")
            self.say("sb.no_item")

    def step_item(self, step: int, *, from_id: str | None = None) -> None:
        cur = self.session.current
        layer = cur[0] if cur and cur[0] else self.layer
        ids = self.ordered_items(layer)
        rec = self.record
        if rec is not None and from_id is not None:
            # continue after the item just decided, in the panel's order when it is there; one
            # just rejected may have left the list: then from its old place in the text
            order = ids if from_id in ids else [it.id for it in getattr(rec, layer)]
            shown = set(ids)  # a set: on a 1,800-item article a list made each accept quadratic
            pos = order.index(from_id) if from_id in order else -1
            nxt = next((i for i in order[pos + 1:] if i in shown), None)
            if nxt:
                self.session.set_current(layer, nxt)
            else:
                self.say("sb.last_item")
            return
        if not ids:
            return
        here = ids.index(cur[1]) if cur and cur[1] in ids else (-1 if step > 0 else len(ids))
        j = here + step
        if 0 <= j < len(ids):
            self.session.set_current(layer, ids[j])
        else:
            self.say("sb.last_item" if step > 0 else "sb.first_item")

    # ------------------------------------------------------------------ review
    def mark_reviewed(self) -> None:
        if self.record is None:
            return
        if self.run(C.mark_reviewed(self.session.annotator)):
            self._move_on()

    def _move_on(self) -> None:
        """To the next unreviewed article, its first item selected so A/R work at once; Ctrl+Z
        there (before any edit) comes back and undoes."""
        here = self.session.article_id
        self.goto_unreviewed(1, leaving=True)
        if self.session.article_id != here and self.session.current is None:
            self.layer = "quotes"
            self.step_item(1)

    def skip(self) -> None:
        if self.record is None:
            return
        reason, ok = QInputDialog.getText(self.window, tr("act.skip"), tr("dlg.skip_reason"))
        if ok and self.run(C.SetReviewStatus("skipped", self.session.annotator, reason=reason.strip() or None)):
            self._move_on()

    def goto_unreviewed(self, step: int, *, leaving: bool = False) -> None:
        aid = self.session.neighbour_unreviewed(step)
        if aid is None:
            self.say("sb.all_reviewed")
            return
        self.session.open_article(aid, left_behind=self.session.article_id if leaving else None)


class _NoChoice:
    pass


_NO_CHOICE: Any = _NoChoice()
