// tasks_by_agency: the tasks assigned to an agency, given its name (any case) or its id,
// with the role, the document each task is part of, and the deadline text.
MATCH (t:Task)-[e:ASSIGNS_TO]->(a:Agency)
WHERE a.id = $agency OR toLower(a.name) = toLower($agency)
OPTIONAL MATCH (t)-[:PART_OF]->(d:Document)
RETURN t.id AS task, t.text AS text, e.role AS role, a.id AS agency, a.name AS agency_name,
       d.id AS document, t.deadline_text AS deadline
ORDER BY document, task, agency
