"""pydantic-settings v2: BaseSettings subclasses; each field is a read of env_prefix + name, UPPER-CASED."""
from typing import ClassVar, Optional

from pydantic import AliasChoices, BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Plain(BaseSettings):
    database_url: str  # expect: read DATABASE_URL required
    port: int = 8080  # expect: read PORT default="8080"
    debug: bool = False  # expect: read DEBUG default="False"
    token: Optional[str] = None  # expect: read TOKEN
    kind: ClassVar[str] = "plain"
    _cache: dict = {}

    def method(self) -> str:
        return self.database_url

    @property
    def url(self) -> str:
        return self.database_url


class Prefixed(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="app_", env_file=".env")

    mode: str = "local"  # expect: read APP_MODE default="local"
    api_key: str = Field(alias="OPENAI_API_KEY")  # expect: read OPENAI_API_KEY required
    url: str = Field("http://localhost:11434", validation_alias="OLLAMA_URL")  # expect: read OLLAMA_URL default="http://localhost:11434"
    region: str = Field(default="eu", validation_alias=AliasChoices("AWS_REGION", "REGION"))  # expect: read AWS_REGION default=$REGION ; read REGION default="eu" fallback-of=AWS_REGION
    secret: str = Field(validation_alias=AliasChoices("SECRET_A", "SECRET_B"))  # expect: read SECRET_A default=$SECRET_B ; read SECRET_B required fallback-of=SECRET_A
    tags: list[str] = Field(default_factory=list)  # expect: read APP_TAGS default=<list>
    required_field: int = Field(..., description="x")  # expect: read APP_REQUIRED_FIELD required


class CaseSensitive(BaseSettings):
    model_config = SettingsConfigDict(case_sensitive=True, env_prefix="Svc_")

    LogLevel: str = "info"  # expect: read Svc_LogLevel default="info"


class Database(BaseModel):
    host: str = "localhost"
    port: int = 5432
    password: str


class Nested(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SVC_", env_nested_delimiter="__")

    db: Database  # expect: read SVC_DB__HOST default="localhost" ; read SVC_DB__PORT default="5432" ; read SVC_DB__PASSWORD required
    name: str = "svc"  # expect: read SVC_NAME default="svc"


class OptionalNested(BaseSettings):
    model_config = {"env_nested_delimiter": "__"}

    db: Database | None = None  # expect: read DB__HOST default="localhost" ; read DB__PORT default="5432" ; read DB__PASSWORD


# A base of another settings class of the repository: its fields are read with the subclass's prefix
# (at the field's line), and BASE_LOG_LEVEL is no read.
class SharedBase(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BASE_")
    log_level: str = "INFO"  # expect: read WORKER_LOG_LEVEL default="INFO"


class Service(SharedBase):
    model_config = SettingsConfigDict(env_prefix="WORKER_")
    queue: str  # expect: read WORKER_QUEUE required


class Keywords(BaseSettings, env_prefix="KW_"):
    flag: bool = True  # expect: read KW_FLAG default="True"


class NotSettings(BaseModel):
    database_url: str
    port: int = 8080


class AlsoNot:
    database_url: str
    port: int = 8080
