// up: for each id of $ids, the relationships trace climbs out of it (queries.lineage.trace):
// the LINEAGE ones (IMPLEMENTS, PART_OF) and BASED_ON (the fallback of a document that
// implements nothing), one row per relationship with its relation.  :__LABEL__ as in
// trace.cypher.
UNWIND $ids AS start
MATCH (x:__LABEL__ {id: start})-[r:IMPLEMENTS|PART_OF|BASED_ON]->(next)
RETURN DISTINCT start, r.relation AS relation, next.id AS id
