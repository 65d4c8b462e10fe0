"""The peer network's models, one module per noun; each is imported here so Django finds it."""
