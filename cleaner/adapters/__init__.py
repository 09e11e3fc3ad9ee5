"""Steps for other frameworks' pipelines (datatrove, data-juicer, Ray Data)."""
