// trace_tops: for each id of $ids, the nodes reached from it over one or more LINEAGE
// relationships (IMPLEMENTS, PART_OF) that have no outgoing LINEAGE relationship themselves;
// one row per start and top.  Runs on Neo4j 5 and FalkorDB: variable-length pattern, no
// shortestPath.  :__LABEL__ is the label of the start nodes (Document, Task or Agency, read
// off their canonical ids by queries.cypher.label_for_id: one label a statement), so that the
// id index finds each start node.
UNWIND $ids AS start
MATCH (x:__LABEL__ {id: start})-[:IMPLEMENTS|PART_OF*1..]->(top)
WHERE NOT (top)-[:IMPLEMENTS|PART_OF]->()
RETURN DISTINCT start, top.id AS id
