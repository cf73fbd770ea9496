def setting(name, default=None):
    return default
