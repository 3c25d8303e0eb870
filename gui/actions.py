"""Every command of the window as a QAction with its translated label and shortcut.

The table below is the single source of the shortcuts: the menus, the context menu and the F1
dialog are all built from it, so they never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from goftar.gui.i18n import tr


@dataclass(frozen=True, slots=True)
class ActionSpec:
    name: str
    menu: str
    shortcuts: tuple[str, ...] = ()
    checkable: bool = False
    separator_before: bool = False


SPECS: tuple[ActionSpec, ...] = (
    # file
    ActionSpec("open_project", "file", ("Ctrl+O",)),
    ActionSpec("new_project", "file", ("Ctrl+N",)),
    ActionSpec("import", "file", ("Ctrl+I",), separator_before=True),
    ActionSpec("import_folder", "file", ("Ctrl+Shift+I",)),
    ActionSpec("export", "file", ("Ctrl+E",)),
    ActionSpec("annotator", "file", (), separator_before=True),
    ActionSpec("quit", "file", ("Ctrl+Q",), separator_before=True),
    # annotate: single keys, so the loop runs with one hand on the keyboard
    ActionSpec("add_quote", "annotate", ("Q",)),
    ActionSpec("add_claim", "annotate", ("C",)),
    ActionSpec("add_date", "annotate", ("D",)),
    ActionSpec("new_speaker", "annotate", ("S",)),
    ActionSpec("add_mention", "annotate", ("M",)),
    ActionSpec("set_cue", "annotate", ("U",)),
    ActionSpec("set_speaker", "annotate", ("E",), separator_before=True),
    ActionSpec("cycle_kind", "annotate", ("K",)),
    ActionSpec("link_claim", "annotate", ("L",)),
    # boundary keys move an edge the way the key sits on the keyboard, as the analyst sees it:
    # in right-to-left text the left key moves the edge leftwards, i.e. forward in reading order
    ActionSpec("start_left", "annotate", ("[",), separator_before=True),
    ActionSpec("start_right", "annotate", ("]",)),
    ActionSpec("end_left", "annotate", (";",)),
    ActionSpec("end_right", "annotate", ("'",)),
    ActionSpec("span_from_selection", "annotate", ("B",)),
    ActionSpec("accept", "annotate", ("A",), separator_before=True),
    ActionSpec("reject", "annotate", ("R",)),
    ActionSpec("accept_all", "annotate", ("Shift+A",)),
    ActionSpec("delete", "annotate", ("Delete",)),
    ActionSpec("merge_speakers", "annotate", ("Ctrl+M",), separator_before=True),
    ActionSpec("rename_speaker", "annotate", ("Ctrl+R",)),
    ActionSpec("next_item", "annotate", ("N", "J"), separator_before=True),
    ActionSpec("prev_item", "annotate", ("P",)),
    # which layer N/P/A/R walk: without these a keyboard-only analyst could not reach speakers,
    # claims or dates (Tab never leaves a table)
    ActionSpec("goto_quotes", "annotate", ("Ctrl+1",), separator_before=True),
    ActionSpec("goto_speakers", "annotate", ("Ctrl+2",)),
    ActionSpec("goto_claims", "annotate", ("Ctrl+3",)),
    ActionSpec("goto_dates", "annotate", ("Ctrl+4",)),
    # review
    ActionSpec("mark_reviewed", "review", ("Ctrl+Return", "Ctrl+Enter")),
    ActionSpec("skip", "review", ("Ctrl+Shift+Return", "Ctrl+Shift+Enter")),
    ActionSpec("next_unreviewed", "review", ("Ctrl+PgDown",), separator_before=True),
    ActionSpec("prev_unreviewed", "review", ("Ctrl+PgUp",)),
    ActionSpec("extract", "review", ("Ctrl+Shift+X",), separator_before=True),
    # view
    ActionSpec("focus_text", "view", ("Escape",)),
    ActionSpec("find", "view", ("Ctrl+F",)),
    ActionSpec("zoom_in", "view", ("Ctrl++", "Ctrl+=")),
    ActionSpec("zoom_out", "view", ("Ctrl+-",)),
    ActionSpec("show_rejected", "view", ("H",), checkable=True, separator_before=True),
    # help
    ActionSpec("shortcuts", "help", ("F1",)),
    ActionSpec("guide", "help", ()),
    ActionSpec("about", "help", ()),
)

MENUS: tuple[str, ...] = ("file", "edit", "annotate", "review", "view", "help")

#: actions offered in the article view's context menu (None = separator)
CONTEXT: tuple[str | None, ...] = ("add_quote", "add_claim", "add_date", "new_speaker", "add_mention",
                                   "set_cue", None, "accept", "reject", "delete")


class ActionSet:
    """The window's actions by name (`actions["add_quote"]`), parented to the window."""

    def __init__(self, parent: QWidget) -> None:
        self._actions: dict[str, QAction] = {}
        for spec in SPECS:
            a = QAction(tr(f"act.{spec.name}"), parent)
            a.setObjectName(f"action_{spec.name}")
            if spec.shortcuts:
                a.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
            a.setCheckable(spec.checkable)
            parent.addAction(a)  # shortcuts work even when the menu bar is hidden
            self._actions[spec.name] = a

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def __contains__(self, name: str) -> bool:
        return name in self._actions

    def add(self, name: str, action: QAction) -> None:
        """Register an action made elsewhere (the undo stack's undo/redo)."""
        self._actions[name] = action

    def context_actions(self) -> list[QAction | None]:
        return [None if n is None else self._actions[n] for n in CONTEXT]

    def build_menus(self, bar: QMenuBar) -> dict[str, QMenu]:
        menus = {m: bar.addMenu(tr(f"menu.{m}")) for m in MENUS}
        for m in MENUS:
            menus[m].setObjectName(f"menu_{m}")
        if "undo" in self._actions:
            menus["edit"].addAction(self._actions["undo"])
            menus["edit"].addAction(self._actions["redo"])
        for spec in SPECS:
            if spec.separator_before:
                menus[spec.menu].addSeparator()
            menus[spec.menu].addAction(self._actions[spec.name])
        return menus

    def shortcut_table(self) -> list[tuple[str, str]]:
        """(label, shortcuts) of every action that has a shortcut."""
        return [row for _menu, rows in self.shortcut_sections() for row in rows]

    def shortcut_sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """The F1 dialog's content: (menu title, [(label, shortcuts)]) in menu order."""
        menu_of = {spec.name: spec.menu for spec in SPECS} | {"undo": "edit", "redo": "edit"}
        sections = []
        for menu in MENUS:
            rows = []
            for name, a in self._actions.items():
                keys = ", ".join(k.toString(QKeySequence.SequenceFormat.PortableText) for k in a.shortcuts())
                if keys and menu_of.get(name) == menu:
                    rows.append((a.text().replace("&", ""), keys))
            if rows:
                sections.append((tr(f"menu.{menu}").replace("&", ""), rows))
        return sections
