"""Script conversion (OpenCC) and the script-neutral fold used for matching."""
