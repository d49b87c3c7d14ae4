"""Local HTTP simulators of the chat platforms, so crawls are testable without the services."""

from __future__ import annotations
