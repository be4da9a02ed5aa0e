"""What every intake step shares: a title, a calm hint line, a scrolling form, inline errors."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.models import Intake
from ui.intake.form_state import FieldSet, FormValue, RawForm, error_label


def add_field_row(fields: FieldSet, form: QFormLayout, name: str, label: str, widget: QWidget,
                  *, hint: str | None = None, enum: type[Enum] | None = None,
                  above: bool = False, value: QWidget | None = None) -> QWidget:
    """A labelled field with its error line (and an optional hint) under it.

    ``value`` is the widget holding the value when ``widget`` is a larger composite.
    """
    holder = QWidget(box_of(form))
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(widget)
    error = error_label(holder)
    column.addWidget(error)
    if hint:
        note = QLabel(hint, holder)
        note.setProperty("role", "hint")
        note.setWordWrap(True)
        column.addWidget(note)
    caption = QLabel(label, box_of(form))
    # A wrapped label beside a field gets clipped by QFormLayout; above a field it may wrap.
    caption.setWordWrap(above)
    caption.setBuddy(widget)
    if above:
        form.addRow(caption)
        form.addRow(holder)
    else:
        form.addRow(caption, holder)
    fields.add(name, value or widget, error, enum, label)
    return widget


def box_of(form: QFormLayout) -> QWidget:
    """The widget a form block lives in (to show or hide the block as a whole)."""
    box = form.parentWidget()
    assert box is not None
    return box


def new_form(parent: QWidget, heading: str | None = None) -> QFormLayout:
    """A form block (in a titled box when ``heading`` is given) owned by ``parent``."""
    box: QWidget = QGroupBox(heading, parent) if heading else QWidget(parent)
    form = QFormLayout(box)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def tab_stops(widget: QWidget) -> list[QWidget]:
    """The widget itself when Tab reaches it, else its focusable children (a checklist)."""
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return [widget]
    return [child for child in widget.findChildren(QWidget)
            if child.focusPolicy() & Qt.FocusPolicy.TabFocus]


def chain_tabs(stops: list[QWidget]) -> None:
    """Tab follows this order (screen order), not the order the widgets were made in."""
    for first, second in itertools.pairwise(stops):
        QWidget.setTabOrder(first, second)


class IntakeStep(QWidget):
    """One step of the intake. Subclasses add rows to forms made with :meth:`section`."""

    changed = Signal()

    #: Model sections (first part of a field path) whose errors belong to this step.
    sections: tuple[str, ...] = ()

    def __init__(self, title: str, hint: str, prefix: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.fields = FieldSet(prefix)
        heading = QLabel(title, self)
        heading.setProperty("role", "subtitle")
        self.hint = QLabel(hint, self)
        self.hint.setProperty("role", "hint")
        self.hint.setWordWrap(True)
        self.message = error_label(self)
        self.content = QWidget(self)
        self.body = QVBoxLayout(self.content)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.content)
        self.scroll_area = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (heading, self.hint, self.message):
            layout.addWidget(widget)
        layout.addWidget(scroll, 1)

    # --- building ------------------------------------------------------------------------

    def section(self, heading: str | None = None) -> QFormLayout:
        """A new form block (in a titled box when ``heading`` is given)."""
        form = new_form(self.content, heading)
        self.body.addWidget(box_of(form))
        return form

    def add_row(self, form: QFormLayout, name: str, label: str, widget: QWidget,
                hint: str | None = None, enum: type[Enum] | None = None,
                above: bool = False, value: QWidget | None = None) -> QWidget:
        return add_field_row(self.fields, form, name, label, widget, hint=hint, enum=enum,
                             above=above, value=value)

    def note(self, form: QFormLayout, text: str, role: str = "hint") -> QLabel:
        label = QLabel(text, box_of(form))
        label.setProperty("role", role)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(label)
        return label

    def finish(self) -> None:
        """Call at the end of the subclass constructor: report every change."""
        self.body.addStretch(1)
        self.fields.connect(self.changed)

    def tab_order(self) -> list[QWidget]:
        """What Tab visits on this step, in screen order."""
        return [stop for widget in self.fields.widgets() for stop in tab_stops(widget)]

    def enter(self, intake: Intake | None) -> None:
        """The step is about to be shown; ``intake`` is what the whole form holds now."""

    # --- state ---------------------------------------------------------------------------

    def raw(self) -> RawForm:
        return self.fields.raw()

    def restore(self, data: Mapping[str, FormValue]) -> None:
        self.fields.restore(data)

    def summary(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Groups of (caption, value) for the read-only summary."""
        return [(self.title, self.fields.summary(self))]

    def owns(self, path: str) -> bool:
        head = path.split(".", 1)[0].split("[", 1)[0]
        return head in self.sections

    def show_errors(self, messages: Mapping[str, str]) -> None:
        """Inline messages; anything without a field goes to the step's message line."""
        shown = self.fields.show_errors(messages)
        rest = [text for path, text in messages.items() if path not in shown]
        if rest:
            self.message.setText("\n".join(dict.fromkeys(rest)))
            self.message.show()

    def clear_errors(self) -> None:
        self.fields.clear_errors()
        self.message.clear()
        self.message.hide()
