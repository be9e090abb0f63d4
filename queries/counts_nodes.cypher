// counts_nodes: nodes of each kind.
MATCH (n)
RETURN n.kind AS kind, count(n) AS n
