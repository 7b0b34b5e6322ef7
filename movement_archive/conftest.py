pytest_plugins = ["movement_archive.testing.fixtures"]
