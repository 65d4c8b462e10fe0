"""Forms of the peer network, one module per noun."""
