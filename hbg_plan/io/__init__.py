"""Input and output at the edges: strict YAML loading, file discovery, configuration, atomic writes."""
