"""Bytes in and out: decoding, compressed streams, HTML, WARC, JSON Lines, output files."""
