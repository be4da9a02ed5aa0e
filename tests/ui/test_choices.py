"""The shared pickers hand back real enum members and booleans (not Qt's copies as text)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.domain.enums import Channel, ReferralSource, Sex
from ui.widgets.choices import EnumChecklist, EnumCombo, YesNoCombo


def test_enum_combo_round_trips_members_of_its_own_class(qtbot: QtBot) -> None:
    combo: EnumCombo[Channel] = EnumCombo(Channel)
    qtbot.addWidget(combo)
    assert combo.value() is None and combo.currentText().startswith("Tidak diketahui")
    for member in Channel:
        combo.set_value(member)
        assert combo.value() is member
    combo.set_value(ReferralSource.LAINNYA)  # type: ignore[arg-type]  # equal text, not ours
    assert combo.value() is None
    strict: EnumCombo[Sex] = EnumCombo(Sex, allow_unknown=False)
    qtbot.addWidget(strict)
    assert strict.value() is Sex.L and strict.count() == 2


def test_yes_no_combo(qtbot: QtBot) -> None:
    combo = YesNoCombo()
    qtbot.addWidget(combo)
    for answer in (True, False, None):
        combo.set_value(answer)
        assert combo.value() is answer


def test_checklist(qtbot: QtBot) -> None:
    boxes: EnumChecklist[Channel] = EnumChecklist(Channel)
    qtbot.addWidget(boxes)
    boxes.set_values({Channel.SURAT, Channel.TELEPON})
    assert boxes.values() == {Channel.SURAT, Channel.TELEPON}
    boxes.box_for(Channel.SURAT).setChecked(False)
    assert boxes.values() == {Channel.TELEPON}
