// status_changes: every REPLACES/AMENDS relationship between documents, with what it does
// (mode, parts) and, for a source that is a task's planned document, the task.
MATCH (s:Document)-[r:REPLACES|AMENDS]->(d:Document)
OPTIONAL MATCH (s)-[:PART_OF]->(t:Task)
RETURN s.id AS src, r.relation AS relation, d.id AS dst, r.mode AS mode, r.parts AS parts,
       t.id AS task
