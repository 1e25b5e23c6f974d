-- (a) The list query alone: EventMapper.list with unassigned=true, first page (after 0),
-- limit 50 + 1 (the extra row tells whether there is a next page). after and limit are bound
-- parameters in the application; so they are here with -M prepared (PostgreSQL then plans them
-- as it plans the JDBC statement), and literal text with -M simple.
\set after 0
\set limit 51
SELECT e.id, e.contract_id, e.name, e.client_contact, e.start_at, e.end_at, e.support_contact_id,
       e.location, e.attendees, e.notes, e.created_at, e.updated_at, e.version,
       k.client_id, c.full_name AS client_name, c.sales_contact_id,
       s.full_name AS support_contact_name
  FROM crm.events e
  JOIN crm.contracts k ON k.id = e.contract_id
  JOIN crm.clients c ON c.id = k.client_id
  LEFT JOIN crm.collaborators s ON s.id = e.support_contact_id
 WHERE e.id > :after
   AND e.support_contact_id IS NULL
 ORDER BY e.id
 LIMIT :limit;
