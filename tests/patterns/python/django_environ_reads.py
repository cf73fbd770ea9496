"""django-environ: `env = environ.Env(...)`; the scheme's tuples give defaults."""
import environ

env = environ.Env(DEBUG=(bool, False), ALLOWED=(list, ["localhost"]), TYPED_ONLY=str)
environ.Env.read_env("config/.env")

DEBUG = env("DEBUG")  # expect: read DEBUG default="False"
SECRET_KEY = env("SECRET_KEY")  # expect: read SECRET_KEY required
TYPED = env("TYPED_ONLY")  # expect: read TYPED_ONLY required
CAST = env("CAST", str, "fallback")  # expect: read CAST default="fallback"
NAME = env.str("NAME", default="app")  # expect: read NAME default="app"
LIMIT = env.int("LIMIT", 10)  # expect: read LIMIT default="10"
DATABASES = {"default": env.db()}  # expect: read DATABASE_URL required
CACHE = env.cache_url("REDIS_URL", default="redis://localhost")  # expect: read REDIS_URL default="redis://localhost"
EMAIL = env.email(default="smtp://localhost")  # expect: read EMAIL_URL default="smtp://localhost"
env.read_env()

other = {"DEBUG": True}
NOT_READ = other.get("DEBUG")
