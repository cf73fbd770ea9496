"""`or` chains of reads: each read falls back to the next."""
import os


def two():
    return os.getenv("PRIMARY") or os.getenv("SECONDARY")  # expect: read PRIMARY default=$SECONDARY ; read SECONDARY fallback-of=PRIMARY


def chain_with_literal():
    return os.getenv("A") or os.environ.get("B") or "d"  # expect: read A default=$B ; read B default="d" fallback-of=A


def three():
    return (
        os.getenv("X1") or os.getenv("X2") or os.getenv("X3")  # expect: read X1 default=$X2 ; read X2 default=$X3 fallback-of=X1 ; read X3 fallback-of=X2
    )


def parenthesised():
    return os.getenv("P1") or (os.getenv("P2") or "p")  # expect: read P1 default=$P2 ; read P2 default="p" fallback-of=P1


def not_a_chain():
    return os.getenv("AND_A") and os.getenv("AND_B")  # expect: read AND_A ; read AND_B


def nested_default():
    return os.getenv("OUTER", os.environ.get("INNER", "i"))  # expect: read OUTER default=$INNER ; read INNER default="i" fallback-of=OUTER
