"""Ways to run the cleaner over inputs: one file or stream, folders, JSON Lines, Ray; their report."""
