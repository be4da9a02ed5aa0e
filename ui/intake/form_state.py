"""Raw form state: every input widget's value as plain data, keyed by a field path.

The raw form is what the drafts service stores (strings, bools, ints, lists of strings), so
half-typed or invalid text survives a lock or a crash exactly as typed. Keys are the model's
field paths where there is one ("victim.nik", "perpetrators[1].full_name"), so an error the
core reports for a path lands next to the widget with the same key.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QWidget

from ui.i18n import label_text
from ui.widgets.choices import EnumChecklist, EnumCombo, YesNoCombo, unknown_text

FormValue = str | int | bool | None | list[str]
RawForm = dict[str, FormValue]

E = TypeVar("E", bound=Enum)
_INDEX = re.compile(r"\[\d+\]$")


def plain(value: object) -> FormValue:
    """A combo item's data as raw form data (enum members become their stored code)."""
    if isinstance(value, Enum):
        return str(value.value)
    if value is None or isinstance(value, (str, bool, int)):
        return value
    return str(value)


def member(enum: type[E], code: object) -> E | None:
    """The enum member stored as ``code`` (``None`` for an unknown code)."""
    return next((item for item in enum if item.value == code), None)


def read_raw(widget: QWidget) -> FormValue:
    """The widget's current value, exactly as the officer left it."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, (EnumCombo, YesNoCombo)):
        return plain(widget.value())
    if isinstance(widget, QComboBox):
        return plain(widget.currentData())
    if isinstance(widget, EnumChecklist):
        return sorted(str(value.value) for value in widget.values())
    raise TypeError(f"no raw value for {type(widget).__name__}")


def set_combo(combo: QComboBox, value: FormValue) -> None:
    """Select the item whose data matches; the first item ("tidak diketahui") otherwise."""
    for index in range(combo.count()):
        data = plain(combo.itemData(index))
        if data == value and type(data) is type(value):
            combo.setCurrentIndex(index)
            return
    combo.setCurrentIndex(0)


def chosen(combo: QComboBox, enum: type[E]) -> E | None:
    """The coded value picked in an :class:`EnumCombo` or in a combo holding codes."""
    if isinstance(combo, EnumCombo):
        return member(enum, plain(combo.value()))
    return member(enum, plain(combo.currentData()))


def choose(combo: QComboBox, value: Enum | None) -> None:
    """Pick a coded value ("tidak diketahui" for ``None``)."""
    if isinstance(combo, EnumCombo):
        combo.set_value(value)
    else:
        set_combo(combo, plain(value))


def write_raw(widget: QWidget, value: FormValue, enum: type[Enum] | None = None) -> None:
    """Put a raw value back into its widget (ignoring values of the wrong shape)."""
    if isinstance(widget, QLineEdit):
        widget.setText(value if isinstance(value, str) else "")
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value if isinstance(value, str) else "")
    elif isinstance(widget, QCheckBox):
        widget.setChecked(value is True)
    elif isinstance(widget, YesNoCombo):
        widget.set_value(value if isinstance(value, bool) else None)
    elif isinstance(widget, EnumCombo):
        assert enum is not None, "an EnumCombo field needs its enum"
        widget.set_value(member(enum, value))
    elif isinstance(widget, QComboBox):
        set_combo(widget, value)
    elif isinstance(widget, EnumChecklist) and enum is not None:
        codes = set(value) if isinstance(value, list) else set()
        widget.set_values(item for item in enum if str(item.value) in codes)


Slot = Callable[..., Any] | SignalInstance


def connect_changes(widget: QWidget, slot: Slot) -> None:
    """Call ``slot`` (or emit a signal) whenever the officer changes the widget."""
    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QCheckBox):
        widget.toggled.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(slot)
    elif isinstance(widget, EnumChecklist):
        widget.changed.connect(slot)


def error_label(parent: QWidget) -> QLabel:
    """An inline error line, hidden until there is something to say."""
    label = QLabel(parent)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.hide()
    return label


def candidates(path: str) -> Iterable[str]:
    """The path, then the path without a trailing list index ("incident.evidence[2]")."""
    yield path
    trimmed = _INDEX.sub("", path)
    if trimmed != path:
        yield trimmed


@dataclass
class _Entry:
    widget: QWidget
    error: QLabel | None
    enum: type[Enum] | None
    caption: str


def display_text(widget: QWidget) -> str:
    """The value as the officer sees it, for the read-only summary ("—" when empty)."""
    if isinstance(widget, QCheckBox):
        yes = QCoreApplication.translate("summary", "Ya")
        return yes if widget.isChecked() else QCoreApplication.translate("summary", "Tidak")
    if isinstance(widget, QComboBox):
        text = widget.currentText()
    elif isinstance(widget, EnumChecklist):
        text = ", ".join(label_text(value) for value in sorted(widget.values(), key=_order))
    else:
        value = read_raw(widget)
        text = value if isinstance(value, str) else ""
    return text.strip() or "—"


def _order(value: Enum) -> int:
    """Declaration order, as the checklist shows them."""
    return list(type(value)).index(value)


def _caption(entry: _Entry) -> str:
    """A row's label; a tick box is named by its own text unless its row asks a question."""
    if isinstance(entry.widget, QCheckBox) and not entry.caption.endswith("?"):
        return entry.widget.text()
    return entry.caption


def shown_within(widget: QWidget, top: QWidget) -> bool:
    """Not hidden on its own or by a parent below ``top`` (hidden rows are not asked)."""
    current: QWidget | None = widget
    while current is not None and current is not top:
        if current.isHidden():
            return False
        current = current.parentWidget()
    return True


class FieldSet:
    """The input widgets of one form part, by name, with their inline error labels.

    Keys in the raw form are ``prefix.name``; the prefix may change (a terlapor removed above
    renumbers the ones below).
    """

    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix
        self._entries: dict[str, _Entry] = {}
        self._aliases: dict[str, str] = {}

    def key(self, name: str) -> str:
        return f"{self.prefix}.{name}" if self.prefix else name

    def add(self, name: str, widget: QWidget, error: QLabel | None = None,
            enum: type[Enum] | None = None, caption: str = "") -> None:
        if isinstance(widget, (EnumCombo, EnumChecklist)) and enum is None:
            raise TypeError(f"{name}: coded choices need their enum to be restored")
        self._entries[name] = _Entry(widget, error, enum, caption)

    def alias(self, error_name: str, name: str) -> None:
        """Errors about ``error_name`` (a model field) are shown at the field ``name``."""
        self._aliases[error_name] = name

    def widget(self, name: str) -> QWidget:
        return self._entries[name].widget

    def widgets(self) -> list[QWidget]:
        """The value widgets in the order they were added (the order on screen)."""
        return [entry.widget for entry in self._entries.values()]

    def raw(self) -> RawForm:
        return {self.key(name): read_raw(entry.widget) for name, entry in self._entries.items()}

    def restore(self, data: Mapping[str, FormValue]) -> None:
        """Fill every widget whose key is in ``data``; others keep their value."""
        for name, entry in self._entries.items():
            if self.key(name) in data:
                write_raw(entry.widget, data[self.key(name)], entry.enum)

    def summary(self, top: QWidget) -> list[tuple[str, str]]:
        """(caption, shown value) of every field currently part of the form."""
        return [(_caption(entry), display_text(entry.widget))
                for entry in self._entries.values() if shown_within(entry.widget, top)]

    def connect(self, slot: Slot) -> None:
        for entry in self._entries.values():
            connect_changes(entry.widget, slot)

    def show_errors(self, messages: Mapping[str, str]) -> set[str]:
        """Show each message next to its field; returns the paths that found a field."""
        shown: set[str] = set()
        for path, text in messages.items():
            entry = self._find(path)
            if entry is not None and entry.error is not None:
                entry.error.setText(text)
                entry.error.show()
                shown.add(path)
        return shown

    def error_text(self, name: str) -> str:
        """The inline error shown at a field ("" when none)."""
        error = self._entries[name].error
        return error.text() if error is not None and not error.isHidden() else ""

    def clear_errors(self) -> None:
        for entry in self._entries.values():
            if entry.error is not None:
                entry.error.clear()
                entry.error.hide()

    def _find(self, path: str) -> _Entry | None:
        start = f"{self.prefix}." if self.prefix else ""
        for candidate in candidates(path):
            if not candidate.startswith(start):
                continue
            name = candidate[len(start):]
            name = self._aliases.get(name, name)
            if name in self._entries:
                return self._entries[name]
        return None


def text_combo(values: Iterable[str], parent: QWidget) -> QComboBox:
    """A drop-down of plain names (kecamatan) with the "tidak diketahui" entry first."""
    combo = QComboBox(parent)
    combo.addItem(unknown_text(), None)
    for value in values:
        combo.addItem(value, value)
    return combo
