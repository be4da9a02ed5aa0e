"""``posko-admin``: the administrator's command line (IT staff and scripts rely on its shape)."""
