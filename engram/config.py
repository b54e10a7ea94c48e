"""Settings: ``ENGRAM_*`` environment variables over a TOML config file over defaults."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import Field
from pydantic_settings import (
    BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource,
)


def default_config_file() -> Path:
    return Path(os.environ.get("ENGRAM_CONFIG") or platformdirs.user_config_path("engram") / "config.toml")


class Settings(BaseSettings):
    """Everything configurable. Backends are chosen by name through registries."""

    model_config = SettingsConfigDict(env_prefix="ENGRAM_", extra="ignore")

    data_dir: Path = Field(default_factory=lambda: platformdirs.user_data_path("engram"))
    db: Path | None = None  # default: <data_dir>/engram.db
    store: str = "sqlite"
    embedder: str = "minilm-onnx"
    embedder_options: dict[str, Any] = Field(default_factory=dict)
    embedding_cache: bool = True
    cache_dir: Path | None = None  # default: <data_dir>/cache
    max_content_chars: int = Field(default=100_000, gt=0)
    ann_threshold: int = Field(default=20_000, gt=0)
    retriever: str = "hybrid"  # hybrid, bm25, dense
    enrichers: list[str] = Field(default_factory=lambda: ["keys"])
    # ConvoMem: a history that fits the caller's token budget is returned whole
    # (exhaustive) instead of retrieved; this caps how many items are considered.
    exhaustive_max_items: int = Field(default=300, ge=0)
    log_content: bool = False  # memory text never reaches logs unless this is set

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings,
                TomlConfigSettingsSource(settings_cls, toml_file=default_config_file()))

    @property
    def db_path(self) -> Path:
        return self.db or self.data_dir / "engram.db"

    @property
    def embedding_cache_path(self) -> Path:
        return (self.cache_dir or self.data_dir / "cache") / "embeddings.sqlite"
