from pydantic import BaseModel


class Database(BaseModel):
    host: str = "localhost"
    password: str
