"""Data files shipped with engram (demo conversation, prompts)."""
