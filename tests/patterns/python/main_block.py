"""Reads in the module's `if __name__ == "__main__":` block run only when the file is run as a script."""
import os

TOP = os.getenv("TOP")  # expect: read TOP

if __name__ == "__main__":
    TOKEN = os.environ["MAIN_TOKEN"]  # expect: read MAIN_TOKEN required if(__name__ == "__main__") script-only
    if TOKEN:
        os.getenv("NESTED")  # expect: read NESTED if(TOKEN) script-only
else:
    os.getenv("IMPORTED")  # expect: read IMPORTED if(not (__name__ == "__main__"))

if "__main__" == __name__:
    os.getenv("REVERSED")  # expect: read REVERSED if("__main__" == __name__) script-only


def main():
    if __name__ == "__main__":
        os.getenv("IN_FUNCTION")  # expect: read IN_FUNCTION if(__name__ == "__main__")
