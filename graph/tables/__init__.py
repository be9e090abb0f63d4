"""The graph's own vocabulary as data (relations, node kinds), read by :mod:`graph.vocab`."""
