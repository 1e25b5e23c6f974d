-- Plans of the list statements at 1M events (bench/http.sh --home DIR, then
-- psql -h 127.0.0.1 -p PORT -U postgres -d crm -f bench/http/plans.sql), as the application's
-- prepared statements get them: with plan_cache_mode = auto PostgreSQL plans the first five
-- executions for their values (custom) and then keeps a generic plan when it is not dearer; each
-- statement is shown with the generic plan (what a pooled connection ends up running) and, for
-- client search, with the custom plan it forces per statement.
\set support_id 31
\set sales_id 5
SET random_page_cost = 1.1;
SET plan_cache_mode = force_generic_plan;

PREPARE events_page(bigint, int) AS
SELECT e.id, e.contract_id, e.name, k.client_id, c.full_name AS client_name, s.full_name AS support_contact_name
  FROM (SELECT * FROM crm.events e WHERE e.id > $1 AND e.support_contact_id IS NULL ORDER BY e.id LIMIT $2) e
  JOIN crm.contracts k ON k.id = e.contract_id
  JOIN crm.clients c ON c.id = k.client_id
  LEFT JOIN crm.collaborators s ON s.id = e.support_contact_id
 ORDER BY e.id;
\echo '--- events ?unassigned=true, first page (generic plan)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) EXECUTE events_page(0, 51);
\echo '--- events ?unassigned=true, deep page (generic plan)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) EXECUTE events_page(900000, 51);

PREPARE events_support(bigint, bigint, int) AS
SELECT e.id, e.contract_id, e.name, k.client_id, c.full_name AS client_name, s.full_name AS support_contact_name
  FROM (SELECT * FROM crm.events e WHERE e.id > $1 AND e.support_contact_id = $2 ORDER BY e.id LIMIT $3) e
  JOIN crm.contracts k ON k.id = e.contract_id
  JOIN crm.clients c ON c.id = k.client_id
  LEFT JOIN crm.collaborators s ON s.id = e.support_contact_id
 ORDER BY e.id;
\echo '--- events ?mine=true as support, first page (generic plan)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) EXECUTE events_support(0, :support_id, 51);

PREPARE events_sales(bigint, bigint, int) AS
SELECT e.id, e.contract_id, e.name, k.client_id, c.full_name AS client_name, s.full_name AS support_contact_name
  FROM (SELECT * FROM crm.events e WHERE e.id > $1 AND e.sales_contact_id = $2 ORDER BY e.id LIMIT $3) e
  JOIN crm.contracts k ON k.id = e.contract_id
  JOIN crm.clients c ON c.id = k.client_id
  LEFT JOIN crm.collaborators s ON s.id = e.support_contact_id
 ORDER BY e.id;
\echo '--- events ?mine=true as sales, first page (generic plan)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) EXECUTE events_sales(0, :sales_id, 51);

PREPARE contracts_unsigned(bigint, int) AS
SELECT k.id, k.client_id, k.total_amount, c.full_name AS client_name, c.sales_contact_id
  FROM (SELECT * FROM crm.contracts k WHERE k.id > $1 AND NOT k.signed ORDER BY k.id LIMIT $2) k
  JOIN crm.clients c ON c.id = k.client_id
 ORDER BY k.id;
\echo '--- contracts ?signed=false, first page (generic plan)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) EXECUTE contracts_unsigned(0, 51);

PREPARE client_search(bigint, text, int) AS
SELECT c.id, c.full_name, s.full_name AS sales_contact_name
  FROM crm.clients c JOIN crm.collaborators s ON s.id = c.sales_contact_id
 WHERE c.id > $1 AND (c.full_name ILIKE $2 OR c.company_name ILIKE $2 OR c.email ILIKE $2)
 ORDER BY c.id LIMIT $3;
\echo '--- client search, a rare term (generic plan: what a reused statement would get)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) EXECUTE client_search(0, '%zzyzx%', 51);
SET plan_cache_mode = force_custom_plan;
\echo '--- client search, a rare term (custom plan: what MyBatisClientRepository asks for)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) EXECUTE client_search(0, '%zzyzx%', 51);
\echo '--- client search, a common term (custom plan)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) EXECUTE client_search(0, '%an%', 51);
