-- What-if (not what the application runs): the events page with the filter, order and limit
-- applied to crm.events alone in a subquery, and the names joined to those 51 rows only. The
-- planner then expects 51 rows instead of ~150,000 and stops building Memoize caches sized for
-- them. Same rows, same order as events-unassigned.sql.
\set after 0
\set limit 51
SELECT e.id, e.contract_id, e.name, e.client_contact, e.start_at, e.end_at, e.support_contact_id,
       e.location, e.attendees, e.notes, e.created_at, e.updated_at, e.version,
       k.client_id, c.full_name AS client_name, c.sales_contact_id,
       s.full_name AS support_contact_name
  FROM (SELECT p.*
          FROM crm.events p
         WHERE p.id > :after
           AND p.support_contact_id IS NULL
         ORDER BY p.id
         LIMIT :limit) e
  JOIN crm.contracts k ON k.id = e.contract_id
  JOIN crm.clients c ON c.id = k.client_id
  LEFT JOIN crm.collaborators s ON s.id = e.support_contact_id
 ORDER BY e.id;
