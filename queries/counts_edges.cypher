// counts_edges: every relationship.
MATCH ()-[r]->()
RETURN count(r) AS n
