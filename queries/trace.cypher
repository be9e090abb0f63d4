// trace_tops: the nodes reached from $id over one or more LINEAGE relationships
// (IMPLEMENTS, PART_OF) that have no outgoing LINEAGE relationship themselves.
// Runs on Neo4j 5 and FalkorDB: variable-length pattern, no shortestPath.
// :__LABEL__ is the start node's label (Document, Task or Agency, read off its canonical id
// by queries.cypher.label_for_id), so that the id index finds the start node.
MATCH (x:__LABEL__ {id: $id})-[:IMPLEMENTS|PART_OF*1..]->(top)
WHERE NOT (top)-[:IMPLEMENTS|PART_OF]->()
RETURN DISTINCT top.id AS id
