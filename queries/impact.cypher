// impact: the nodes from which $id is reached over one or more LINEAGE relationships
// (IMPLEMENTS, PART_OF); $id itself is left out even when a cycle leads back to it,
// as in queries.lineage.impact.  The pattern starts at the indexed start node
// (:__LABEL__, see trace.cypher) and walks the relationships backwards.
MATCH (x:__LABEL__ {id: $id})<-[:IMPLEMENTS|PART_OF*1..]-(d)
WHERE d.id <> $id
RETURN DISTINCT d.id AS id
