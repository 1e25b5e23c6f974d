-- The page SQL written by hand for GET /contracts?signed=false&limit=50: the first 51 unsigned
-- contracts by id, then the client's name and sales contact joined to those rows only.
\set after 0
\set limit 51
SELECT k.id, k.client_id, k.total_amount, k.amount_due, k.signed, k.signed_at, k.created_at,
       k.updated_at, k.version, c.full_name AS client_name, c.sales_contact_id
  FROM (SELECT p.*
          FROM crm.contracts p
         WHERE p.id > :after
           AND NOT p.signed
         ORDER BY p.id
         LIMIT :limit) k
  JOIN crm.clients c ON c.id = k.client_id
 ORDER BY k.id;
