"""Helpers of the peer benchmark (bench/peer_dlt.py); `content` is shared with the dlt venv."""
