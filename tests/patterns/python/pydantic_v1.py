"""pydantic v1: `pydantic.BaseSettings` with an inner `class Config`."""
import pydantic
from pydantic import BaseSettings, Field


class Settings(BaseSettings):
    redis_url: str = "redis://localhost:6379"  # expect: read WORKER_REDIS_URL default="redis://localhost:6379"
    api_token: str  # expect: read WORKER_API_TOKEN required
    legacy: str = Field("x", env="LEGACY_NAME")  # expect: read LEGACY_NAME default="x"
    either: str = Field(..., env=["FIRST", "SECOND"])  # expect: read FIRST default=$SECOND ; read SECOND required fallback-of=FIRST

    class Config:
        env_prefix = "worker_"
        env_file = ".env.worker"


class Qualified(pydantic.BaseSettings):
    timeout: float = 2.5  # expect: read TIMEOUT default="2.5"

    class Config:
        case_sensitive = False


class Model(pydantic.BaseModel):
    timeout: float = 2.5
