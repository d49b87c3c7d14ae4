"""Observability: structured logs and a live progress display (``logs``), Prometheus metrics
(``metrics``). Nothing here ever sees record contents: only stream names, counts and times."""
