"""Repairs of damaged bytes: pinyin annotations and shifted runs on the GBK byte view, double encoding."""
