"""Beranda: the first page after unlocking.

Koordinator and petugas see what needs doing (overdue and due clocks), their open cases by
status, their own recent work and unfinished intake forms; the koordinator also sees the
data-protection reminders (backup, breach deadlines, retention). Pimpinan see aggregate numbers only
— no case rows, codes or names — from the suppressed statistics recap of this year.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.statistics import Recap
from app.services.reminders import OfficeReminders
from ui.context import PageName, UiContext
from ui.errors import show_error
from ui.lists import jobs
from ui.lists.aggregate_panel import AggregatePanel
from ui.lists.reminder_card import ReminderCard
from ui.lists.staff_panel import StaffPanel
from ui.pages.base import Page


class HomePage(Page):
    """Beranda; the panel depends on the officer's role."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.staff: StaffPanel | None = None
        self.aggregate: AggregatePanel | None = None
        self.reminders: ReminderCard | None = None
        if ctx.is_koordinator:
            self.reminders = ReminderCard(ctx.office_tz(), self)
            self.reminders.open_requested.connect(self._on_data_page_requested)
        self.reload_button = QPushButton(self.tr("Muat ulang"), self)
        self.reload_button.clicked.connect(self.reload)
        if ctx.is_pimpinan:
            self.aggregate = AggregatePanel(self)
            panel: QWidget = self.aggregate
        else:
            self.staff = StaffPanel(ctx.office_tz(), self)
            self.staff.case_open_requested.connect(self._on_case_open_requested)
            self.staff.resume_requested.connect(self._on_resume_requested)
            panel = self.staff
        self._build_layout(panel)

    def _build_layout(self, panel: QWidget) -> None:
        title = QLabel(self.tr("Beranda"), self)
        title.setProperty("role", "title")
        greeting = QLabel(self.tr("Selamat bekerja, %1.")
                          .replace("%1", self.ctx.user.display_name), self)
        greeting.setProperty("role", "hint")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.reload_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(greeting)
        if self.reminders is not None:
            layout.addWidget(self.reminders)
        layout.addWidget(panel, 1)

    def activate(self, **params: Any) -> None:
        del params
        self.reload()

    def reload(self) -> None:
        runner = self.ctx.runner
        if self.aggregate is not None:
            today = self.ctx.office_today()
            runner.run(jobs.recap(date(today.year, 1, 1), today), self._on_recap_loaded,
                       self._on_job_failed)
        else:
            runner.run(jobs.home_data(self.ctx.user.id), self._on_home_loaded,
                       self._on_job_failed)
        if self.reminders is not None:
            runner.run(jobs.office_reminders, self._on_reminders_loaded, self._on_job_failed)

    def _on_home_loaded(self, data: jobs.HomeData) -> None:
        if self.staff is not None:
            self.staff.show_data(data, self.ctx.office_now())

    def _on_reminders_loaded(self, reminders: OfficeReminders) -> None:
        if self.reminders is not None:
            self.reminders.show_reminders(reminders, self.ctx.office_now())

    def _on_data_page_requested(self) -> None:
        self.ctx.navigator.show_page(PageName.DATA)

    def _on_recap_loaded(self, recap: Recap) -> None:
        if self.aggregate is not None:
            self.aggregate.show_recap(recap)

    def _on_case_open_requested(self, case_id: int) -> None:
        self.ctx.navigator.open_case(case_id)

    def _on_resume_requested(self, case_id: int) -> None:
        self.ctx.navigator.resume_intake(case_id)

    def _on_job_failed(self, error: BaseException) -> None:
        show_error(self, error)
