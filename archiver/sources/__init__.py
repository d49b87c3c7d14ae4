"""Platform sources: one module per chatbot platform, all talking HTTP through ``http.py``."""

from __future__ import annotations
