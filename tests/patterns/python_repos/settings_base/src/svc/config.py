from pydantic_settings import SettingsConfigDict

from shared.base import CommonSettings
from shared.models import Database


class ApiSettings(CommonSettings):
    model_config = SettingsConfigDict(env_prefix="api_")

    port: int = 8000
    db: Database


class Unrelated(Database):
    extra: str
