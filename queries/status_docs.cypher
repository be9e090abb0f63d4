// status_docs: the facts a document's status is derived from (queries.status), one row
// per document: flags, date, effective date, end of the stated period, reported state.
MATCH (d:Document)
RETURN d.id AS doc, d.flags AS flags, d.date AS date, d.effective_date AS effective,
       d.period_until AS until, d.reported_state AS reported, d.in_corpus AS inCorpus
