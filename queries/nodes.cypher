// nodes: the display fields of the nodes whose ids are in $ids.
MATCH (n)
WHERE n.id IN $ids
RETURN n.id AS id, n.kind AS kind, n.type AS type, n.number_symbol AS number_symbol,
       n.date AS date, n.issuer AS issuer, n.jurisdiction AS jurisdiction, n.title AS title,
       n.section AS section, n.name AS name, n.status AS status, n.status_since AS status_since,
       n.status_by AS status_by, n.at_risk_from AS at_risk_from
