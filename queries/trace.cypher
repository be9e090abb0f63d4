// trace_tops: the nodes reached from $id over one or more LINEAGE relationships
// (IMPLEMENTS, PART_OF) that have no outgoing LINEAGE relationship themselves.
// Runs on Neo4j 5 and FalkorDB: variable-length pattern, no shortestPath.
MATCH (x {id: $id})-[:IMPLEMENTS|PART_OF*1..]->(top)
WHERE NOT (top)-[:IMPLEMENTS|PART_OF]->()
RETURN DISTINCT top.id AS id
