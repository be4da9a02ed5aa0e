from app.services.session import Session
from tests import helpers


def test_create_and_read_back(session: Session) -> None:
    ref = session.cases.create(helpers.minimal_intake())
    assert session.cases.get(ref.id).intake == helpers.minimal_intake()
