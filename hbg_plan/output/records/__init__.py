"""Records the writers share: findings, diff changes and history versions as the reports present them."""
