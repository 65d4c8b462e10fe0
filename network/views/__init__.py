"""Views of the peer network, one module per noun (home, members, events, library, discussions, mentoring)."""
