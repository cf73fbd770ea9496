from app.base import *  # re-exports env
