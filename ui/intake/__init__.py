"""The step-by-step intake (Pengaduan Baru): one module per step, the raw form state and its
mapping to the case model, and the vault jobs the intake page runs."""
