// impact: the nodes from which $id is reached over one or more LINEAGE relationships
// (IMPLEMENTS, PART_OF); $id itself is left out even when a cycle leads back to it,
// as in queries.lineage.impact.
MATCH (d)-[:IMPLEMENTS|PART_OF*1..]->(x {id: $id})
WHERE d.id <> $id
RETURN DISTINCT d.id AS id
