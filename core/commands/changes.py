"""What an edit changed (`Changes`) and the exact log of how (`EditLog`).

Every command mutates a record only through an `EditLog`, which remembers each primitive
step (an attribute set, a list insert or remove) with what it replaced. Undo replays the log
backwards, so it restores the record exactly — same objects, same list positions — without
each command writing its own inverse. The log also yields the `Changes` that views use to
refresh only what they show (Anki's OpChanges): touched ids and layers, and the row
inserts/removes in the order they happened (napari's evented-list events).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from ..model import LAYERS


class RowOp(NamedTuple):
    """One row inserted into or removed from a layer list (`record.quotes` …), in order."""

    layer: str
    op: Literal["insert", "remove"]
    index: int
    item: Any

    def inverse(self) -> RowOp:
        return RowOp(self.layer, "remove" if self.op == "insert" else "insert", self.index, self.item)


@dataclass
class Changes:
    """What an edit touched: layers, item ids (their fields changed), the review block, row ops.

    `rows` lists structural changes of the layer lists in the order they happened; `reset`
    says the whole record was replaced (views rebuild everything). `refs` holds the ids that a
    changed link pointed to before or after (a quote's speaker, a claim's source or quote), and
    the links of inserted/removed items, so a view showing counts or names of linked items can
    refresh just those rows.
    """

    layers: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    review: bool = False
    rows: list[RowOp] = field(default_factory=list)
    reset: bool = False
    refs: set[str] = field(default_factory=set)

    @classmethod
    def everything(cls) -> Changes:
        return cls(layers=set(LAYERS), review=True, reset=True)

    def __bool__(self) -> bool:
        return bool(self.layers or self.ids or self.review or self.rows or self.reset)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.layers | other.layers, self.ids | other.ids, self.review or other.review,
                       self.rows + other.rows, self.reset or other.reset, self.refs | other.refs)

    def rows_of(self, layer: str) -> list[RowOp]:
        return [r for r in self.rows if r.layer == layer]

    def structural(self, layer: str) -> bool:
        return any(r.layer == layer for r in self.rows)


class _Set(NamedTuple):
    obj: Any
    attr: str
    old: Any
    new: Any
    layer: str | None
    item_id: str | None


class _Insert(NamedTuple):
    lst: list
    index: int
    obj: Any
    layer: str | None
    item_id: str | None   # the owning item when `lst` is an inner list (mentions), else the inserted id


class _Remove(NamedTuple):
    lst: list
    index: int
    obj: Any
    layer: str | None
    item_id: str | None


_Op = _Set | _Insert | _Remove
#: attributes that link an item to another one
LINKS = ("speaker", "source", "quote", "addressee")


class EditLog:
    """Performs and remembers primitive edits of one record; `rollback()` undoes them exactly."""

    __slots__ = ("ops", "record")

    def __init__(self, record: Any) -> None:
        self.record = record
        self.ops: list[_Op] = []

    # ------------------------------------------------------------- primitives
    def set(self, obj: Any, attr: str, value: Any, *, layer: str | None = None,
            item_id: str | None = None) -> None:
        """`obj.attr = value`, remembered (no-op when already equal, so undo stays minimal)."""
        old = getattr(obj, attr)
        if old == value and type(old) is type(value):
            return
        setattr(obj, attr, value)
        self.ops.append(_Set(obj, attr, old, value, layer, item_id))

    def insert(self, lst: list, index: int, obj: Any, *, layer: str | None = None,
               item_id: str | None = None) -> None:
        lst.insert(index, obj)
        self.ops.append(_Insert(lst, index, obj, layer, item_id))

    def remove(self, lst: list, index: int, *, layer: str | None = None, item_id: str | None = None) -> Any:
        obj = lst.pop(index)
        self.ops.append(_Remove(lst, index, obj, layer, item_id))
        return obj

    def extend(self, other: EditLog) -> None:
        """Append another log's steps (used to merge consecutive nudges into one undo step)."""
        self.ops.extend(other.ops)

    def is_noop(self) -> bool:
        """True when the logged attribute sets net out (e.g. nudges that came back) and no list changed."""
        first: dict[tuple[int, str], tuple[Any, Any]] = {}
        for op in self.ops:
            if not isinstance(op, _Set):
                return False
            first.setdefault((id(op.obj), op.attr), (op.obj, op.old))
        return all(getattr(obj, attr) == old for (_, attr), (obj, old) in first.items())

    # ------------------------------------------------------------- results
    def _is_layer_list(self, lst: list, layer: str | None) -> bool:
        return layer is not None and lst is getattr(self.record, layer, None)

    def changes(self) -> Changes:
        """What the logged steps changed, in the order they were done."""
        return self._changes(self.ops, forward=True)

    def rollback(self) -> Changes:
        """Undo every step in reverse order; return what that changed. The log is emptied."""
        ops = self.ops
        for op in reversed(ops):
            if isinstance(op, _Set):
                setattr(op.obj, op.attr, op.old)
            elif isinstance(op, _Insert):
                del op.lst[op.index]
            else:
                op.lst.insert(op.index, op.obj)
        ch = self._changes(list(reversed(ops)), forward=False)
        self.ops = []
        return ch

    def _changes(self, ops: list[_Op], *, forward: bool) -> Changes:
        ch = Changes()
        for op in ops:
            if op.layer == "review" or (isinstance(op, _Set) and op.attr == "review" and op.obj is self.record):
                ch.review = True
                continue
            if op.layer:
                ch.layers.add(op.layer)
            if op.item_id:
                ch.ids.add(op.item_id)
            if isinstance(op, _Set):
                if op.attr in LINKS:
                    ch.refs.update(v for v in (op.old, op.new) if isinstance(v, str))
                continue
            if not self._is_layer_list(op.lst, op.layer):
                continue
            ch.refs.update(v for a in LINKS if isinstance(v := getattr(op.obj, a, None), str))
            row = RowOp(op.layer, "insert" if isinstance(op, _Insert) else "remove", op.index, op.obj)
            ch.rows.append(row if forward else row.inverse())
        return ch
