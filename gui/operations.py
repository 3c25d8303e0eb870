"""What each action does: reads the selection and the current item, builds a core command, runs it.

Every edit is a `goftar.core.commands` command pushed on the session's undo stack, so it is
undoable and saved through the store. Project actions (open, import, export) live here too.
Dialogs are thin (QInputDialog/QFileDialog) so the whole loop works from the keyboard.
"""

from __future__ import annotations

import bisect
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QProgressDialog, QWidget

from goftar.core import commands as C
from goftar.core.errors import GoftarError
from goftar.core.model import QUOTE_KINDS, Record
from goftar.gui import chooser
from goftar.gui.i18n import is_rtl, tr

SPAN_LAYERS = ("quotes", "claims", "dates")


class Operations(QObject):
    statusMessage = Signal(str)

    def __init__(self, session: Any, view: Any, panels: dict[str, Any], navigator: Any, actions: Any,
                 window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.view = view
        self.panels = panels
        self.navigator = navigator
        self.window = window
        self._bounds: tuple[str, list[int], list[int]] | None = None
        #: the layer N/P walk while no item is current (set by the go-to-layer actions)
        self.layer = "quotes"
        self.actions = actions
        view.spanDragged.connect(self.drag_span)
        connect = {
            "open_project": self.open_project, "new_project": self.new_project, "import": self.import_files,
            "import_folder": self.import_folder, "export": self.export_gold, "annotator": self.set_annotator,
            "add_quote": self.add_quote, "add_claim": self.add_claim, "add_date": self.add_date,
            "new_speaker": self.new_speaker, "add_mention": self.add_mention, "set_cue": self.set_cue,
            "set_speaker": self.set_speaker, "cycle_kind": self.cycle_kind, "link_claim": self.link_claim,
            "start_earlier": lambda: self.nudge("start", -1), "start_later": lambda: self.nudge("start", 1),
            "end_earlier": lambda: self.nudge("end", -1), "end_later": lambda: self.nudge("end", 1),
            "span_from_selection": self.span_from_selection,
            "accept": lambda: self.set_status("accept"), "reject": lambda: self.set_status("reject"),
            "accept_all": self.accept_all, "delete": self.delete, "merge_speakers": self.merge_speakers,
            "rename_speaker": self.rename_speaker, "next_item": lambda: self.step_item(1),
            "prev_item": lambda: self.step_item(-1), "mark_reviewed": self.mark_reviewed, "skip": self.skip,
            "next_unreviewed": lambda: self.goto_unreviewed(1), "prev_unreviewed": lambda: self.goto_unreviewed(-1),
            "extract": lambda: self.session.extract(), "shortcuts": self.show_shortcuts, "guide": self.show_guide,
            "goto_quotes": lambda: self.goto_layer("quotes"), "goto_speakers": lambda: self.goto_layer("speakers"),
            "goto_claims": lambda: self.goto_layer("claims"), "goto_dates": lambda: self.goto_layer("dates"),
            "about": self.about, "focus_text": self.view.setFocus, "find": self.focus_filter,
        }
        for name, fn in connect.items():
            actions[name].triggered.connect(lambda _checked=False, f=fn: f())

    def set_language(self, code: str) -> None:
        """Remember the interface language ('en', 'fa' or 'system'); the next start uses it."""
        self.session.settings.language = code
        self.session.infoRaised.emit(tr("app.title"), tr("dlg.restart"))

    def focus_filter(self) -> None:
        """The filter box of the current item's panel (quotes by default)."""
        cur = self.session.current
        panel = self.panels.get(cur[0] if cur else "quotes") or self.panels["quotes"]
        panel.show()
        panel.raise_()
        panel.filter_edit.setFocus()
        panel.filter_edit.selectAll()

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
        if found is None or (layers and found[0] not in layers):
            self.say("sb.no_item")
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
        direct = sel[0] > 0 and rec.text[sel[0] - 1] in "«\"“" and sel[1] < len(rec.text) and rec.text[sel[1]] in "»\"”"
        cmd = C.AddQuote(sel[0], sel[1], kind="direct" if direct else "indirect")
        if self.run(cmd):
            self.session.set_current("quotes", cmd.new_id)

    def add_claim(self) -> None:
        sel = self.selection()
        if sel is None:
            return
        cur = self.session.current
        rec = self.record
        q = rec.quote(cur[1]) if rec is not None and cur and cur[0] == "quotes" else None
        # a claim made inside the current quote is attributed to it; elsewhere it stands alone
        if q is not None and not (q.start < sel[1] and sel[0] < q.end):
            q = None
        cmd = C.AddClaim(sel[0], sel[1], source=q.speaker if q else None, quote=q.id if q else None)
        if self.run(cmd):
            self.session.set_current("claims", cmd.new_id)

    def add_date(self) -> None:
        sel = self.selection()
        if sel is None:
            return
        cmd = C.AddDate(sel[0], sel[1])
        if self.run(cmd):
            self.session.set_current("dates", cmd.new_id)

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
        kind = QUOTE_KINDS[(QUOTE_KINDS.index(q.kind) + 1) % len(QUOTE_KINDS)]
        self.run(C.SetKind(q.id, kind))

    def delete(self) -> None:
        found = self.current()
        if found is None:
            return
        self.run(C.DeleteItem(found[1].id))
        self.session.set_current("", "")

    def nudge(self, edge: str, step: int) -> None:
        """Move the current item's start or end by one word (step -1: earlier, +1: later)."""
        found = self.current(*SPAN_LAYERS)
        rec = self.record
        if found is None or rec is None:
            return
        item = found[1]
        starts, ends = self._token_bounds(rec)
        start, end = item.start, item.end
        if edge == "start":
            if step < 0:
                i = bisect.bisect_left(starts, start) - 1
                start = starts[i] if i >= 0 else start
            else:
                i = bisect.bisect_right(starts, start)
                start = starts[i] if i < len(starts) and starts[i] < end else start
        else:
            if step < 0:
                i = bisect.bisect_left(ends, end) - 1
                end = ends[i] if i >= 0 and ends[i] > start else end
            else:
                i = bisect.bisect_right(ends, end)
                end = ends[i] if i < len(ends) else end
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
            starts, ends = self._token_bounds(rec)
            if edge == "start":
                i = bisect.bisect_right(starts, start) - 1
                start = starts[i] if i >= 0 and starts[i] < end else start
            else:
                i = bisect.bisect_left(ends, end)
                end = ends[i] if i < len(ends) and ends[i] > start else end
        if (start, end) != (item.start, item.end):
            self.run(C.SetSpan(item.id, start, end))

    def span_from_selection(self) -> None:
        """The current item takes the selected range (snapped), keeping its links."""
        found = self.current(*SPAN_LAYERS)
        sel = self.selection() if found is not None else None
        if found is not None and sel is not None and sel != (found[1].start, found[1].end):
            self.run(C.SetSpan(found[1].id, *sel))

    def _token_bounds(self, rec: Record) -> tuple[list[int], list[int]]:
        if self._bounds is None or self._bounds[0] is not rec.text:
            from goftar.core.text.segment import token_bounds

            self._bounds = (rec.text, *token_bounds(rec.text))
        return self._bounds[1], self._bounds[2]

    def _speaker_choices(self, rec: Record, exclude: str | None = None) -> list[tuple[str, str | None]]:
        out: list[tuple[str, str | None]] = []
        for s in rec.speakers:
            if s.id != exclude:
                out.append((f"{s.name}" + (f" — {s.role}" if s.role else "") + f"  [{s.id}]", s.id))
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
        choices += [(f"{q.id}: {q.text[:60]}", q.id) for q in rec.quotes if q.status != "rejected"]
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
            # the item just rejected may have left the list: continue from its old place
            all_ids = [it.id for it in getattr(rec, layer)]
            pos = all_ids.index(from_id) if from_id in all_ids else -1
            nxt = next((i for i in all_ids[pos + 1:] if i in ids), None)
            if nxt:
                self.session.set_current(layer, nxt)
            return
        if not ids:
            return
        here = ids.index(cur[1]) if cur and cur[1] in ids else (-1 if step > 0 else len(ids))
        j = here + step
        if 0 <= j < len(ids):
            self.session.set_current(layer, ids[j])

    # ------------------------------------------------------------------ review
    def mark_reviewed(self) -> None:
        if self.record is None:
            return
        if self.run(C.mark_reviewed(self.session.annotator)):
            self.goto_unreviewed(1)

    def skip(self) -> None:
        if self.record is None:
            return
        reason, ok = QInputDialog.getText(self.window, tr("act.skip"), tr("dlg.skip_reason"))
        if ok and self.run(C.SetReviewStatus("skipped", self.session.annotator, reason=reason.strip() or None)):
            self.goto_unreviewed(1)

    def goto_unreviewed(self, step: int) -> None:
        aid = self.session.neighbour_unreviewed(step)
        if aid is None:
            self.say("sb.all_reviewed")
            return
        self.session.open_article(aid)

    # ------------------------------------------------------------------ projects
    def open_default_project(self) -> bool:
        from goftar.gui.default_project import ensure_default_project

        try:
            path = ensure_default_project(annotator=self.session.annotator)
        except (GoftarError, OSError) as e:
            self.session.fail(e)
            return False
        return self.session.open_project(path)

    def open_project(self) -> None:
        path = QFileDialog.getExistingDirectory(self.window, tr("dlg.choose_project"))
        if path:
            self.session.open_project_in_background(path)

    def new_project(self) -> None:
        path = QFileDialog.getExistingDirectory(self.window, tr("dlg.choose_project"))
        if path:
            self.session.open_project_in_background(path, create=True)

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, tr("act.import"), "",
                                                "Articles (*.txt *.jsonl *.html *.htm);;All files (*)")
        if paths:
            self.session.import_paths([Path(p) for p in paths])

    def import_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self.window, tr("act.import_folder"))
        if path:
            self.session.import_paths([Path(path)])

    def drop_paths(self, paths: list[Path]) -> None:
        """Drag and drop: a project folder opens; files and other folders are imported."""
        if len(paths) == 1 and (paths[0] / "goftar-project.json").exists():
            self.session.open_project_in_background(paths[0])
        elif self.session.project is not None:
            self.session.import_paths(paths)
        else:
            self.session.open_file(paths[0])

    def export_gold(self) -> None:
        project = self.session.project
        if project is None:
            self.session.fail(GoftarError(tr("dlg.no_project")))
            return
        out, _ = QFileDialog.getSaveFileName(self.window, tr("act.export"), "gold.jsonl", "JSONL (*.jsonl)")
        if not out:
            return
        self.export_to(Path(out))

    def export_to(self, out: Path) -> int | None:
        """Export the reviewed articles to `out` on a worker, a progress dialog showing how far.

        Returns the count when the session works synchronously (screenshots, scripts), else None
        (a message says how many when it is done). The dialog is window-modal, so the project
        cannot be closed under the export, but the window keeps painting."""
        from goftar.gui.workers import ProgressSignal

        project = self.session.project
        saver = self.session.saver
        self.session.submit_pending()
        total = project.status_counts().get("reviewed", 0)
        dialog = QProgressDialog(tr("dlg.export_progress"), "", 0, max(1, total), self.window)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        progress = ProgressSignal(total, dialog)
        progress.changed.connect(lambda n: dialog.setValue(min(n, dialog.maximum())))
        exported: list[int] = []

        def done(n: int) -> None:
            exported.append(n)
            self.session.infoRaised.emit(tr("app.title"), tr("dlg.exported", n, out))

        def work() -> int:
            # every edit is in the store before it is exported (waited for here, not on the UI thread)
            if saver is not None and not saver.flush(60):
                raise GoftarError(tr("dlg.export_unsaved"))
            return project.export_gold(out, status="reviewed", progress=progress)

        self.session.run_job(work, done, busy="dlg.export_progress", what=str(out), on_finished=dialog.close)
        return exported[0] if exported else None

    def set_annotator(self) -> None:
        name, ok = QInputDialog.getText(self.window, tr("app.title"), tr("dlg.annotator"),
                                        text=self.session.annotator or "")
        if ok and name.strip():
            self.session.settings.annotator = name.strip()
            self.session.annotator = name.strip()
            if self.session.project is not None:
                self.session.open_project_in_background(self.session.project.path)

    # ------------------------------------------------------------------ help
    def show_shortcuts(self) -> None:
        from goftar.gui.shortcuts import ShortcutsDialog

        ShortcutsDialog(self.actions.shortcut_table(), self.window).exec()

    def show_guide(self) -> None:
        from goftar.gui.guide import GuideDialog

        GuideDialog(self.window).exec()

    def about(self) -> None:
        QMessageBox.about(self.window, tr("act.about"),
                          "Goftar (گفتار) — " + ("بازبینی گفتار در اخبار فارسی" if is_rtl()
                                                 else "review of quotes, speakers, claims and dates in Persian news"))


class _NoChoice:
    pass


_NO_CHOICE: Any = _NoChoice()
