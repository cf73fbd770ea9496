"""The benchmark of issue 11 (`python bench/run.py`): a package so that its measured processes can be
started as `python -m bench.floor` with the same modules as the run that starts them."""
