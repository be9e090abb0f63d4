// impact: for each id of $ids, the nodes from which it is reached over one or more LINEAGE
// relationships (IMPLEMENTS, PART_OF); the id itself is left out even when a cycle leads
// back to it, as in queries.lineage.impact.  One row per start and node.  The pattern starts
// at the indexed start node (:__LABEL__, see trace.cypher) and walks the relationships
// backwards.
UNWIND $ids AS start
MATCH (x:__LABEL__ {id: start})<-[:IMPLEMENTS|PART_OF*1..]-(d)
WHERE d.id <> start
RETURN DISTINCT start, d.id AS id
