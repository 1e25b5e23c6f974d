-- Plans of the list statements at 1M events (bench/http.sh --home DIR, then, while `crm serve` runs
-- on that home, psql -h 127.0.0.1 -p PORT -U postgres -d crm -f bench/http/plans.sql), as the
-- application's prepared statements get them: plan_cache_mode = auto, random_page_cost = 1.1 (the
-- pool's connection options). PostgreSQL plans a prepared statement's first five executions for
-- their values (custom plans), then keeps a generic plan when its estimated cost is not higher.
-- Each statement is executed ten times, then its plan counts (pg_prepared_statements) and the plan
-- of one more execution are shown.
--
-- Pages of events, contracts and clients: the page is cut from the base table with a constant
-- inner LIMIT (201, the largest page plus one row), the outer LIMIT $n cuts the page asked for.
-- The first statement shows why: with the page's limit a parameter inside, the generic plan is
-- costed for 10% of the table and never chosen; every execution is planned again.
-- Client search asks for custom plans (set_config in its transaction); pages over a date range keep
-- the first form (limit a parameter inside, no outer limit), planned for their bounds every time.
\set support_id 31
\set sales_id 5
SET random_page_cost = 1.1;
\o /dev/null

PREPARE events_page_limit_param(bigint, int) AS
SELECT e.id, e.contract_id, e.name, k.client_id, c.full_name AS client_name, s.full_name AS support_contact_name
  FROM (SELECT * FROM crm.events e WHERE e.id > $1 AND e.support_contact_id IS NULL ORDER BY e.id LIMIT $2) e
  JOIN crm.contracts k ON k.id = e.contract_id
  JOIN crm.clients c ON c.id = k.client_id
  LEFT JOIN crm.collaborators s ON s.id = e.support_contact_id
 ORDER BY e.id;
EXECUTE events_page_limit_param(0, 51); EXECUTE events_page_limit_param(0, 51); EXECUTE events_page_limit_param(0, 51);
EXECUTE events_page_limit_param(0, 51); EXECUTE events_page_limit_param(0, 51); EXECUTE events_page_limit_param(0, 51);
EXECUTE events_page_limit_param(0, 51); EXECUTE events_page_limit_param(0, 51); EXECUTE events_page_limit_param(0, 51);
EXECUTE events_page_limit_param(0, 51);

PREPARE events_page(bigint, int) AS
SELECT e.id, e.contract_id, e.name, k.client_id, c.full_name AS client_name, s.full_name AS support_contact_name
  FROM (SELECT * FROM crm.events e WHERE e.id > $1 AND e.support_contact_id IS NULL ORDER BY e.id LIMIT 201) e
  JOIN crm.contracts k ON k.id = e.contract_id
  JOIN crm.clients c ON c.id = k.client_id
  LEFT JOIN crm.collaborators s ON s.id = e.support_contact_id
 ORDER BY e.id LIMIT $2;
EXECUTE events_page(0, 51); EXECUTE events_page(0, 51); EXECUTE events_page(0, 51); EXECUTE events_page(0, 51);
EXECUTE events_page(0, 51); EXECUTE events_page(0, 51); EXECUTE events_page(0, 51); EXECUTE events_page(0, 51);
EXECUTE events_page(0, 51); EXECUTE events_page(0, 51);

PREPARE events_support(bigint, bigint, int) AS
SELECT e.id, e.contract_id, e.name, k.client_id, c.full_name AS client_name, s.full_name AS support_contact_name
  FROM (SELECT * FROM crm.events e WHERE e.id > $1 AND e.support_contact_id = $2 ORDER BY e.id LIMIT 201) e
  JOIN crm.contracts k ON k.id = e.contract_id
  JOIN crm.clients c ON c.id = k.client_id
  LEFT JOIN crm.collaborators s ON s.id = e.support_contact_id
 ORDER BY e.id LIMIT $3;
EXECUTE events_support(0, :support_id, 51); EXECUTE events_support(0, :support_id, 51);
EXECUTE events_support(0, :support_id, 51); EXECUTE events_support(0, :support_id, 51);
EXECUTE events_support(0, :support_id, 51); EXECUTE events_support(0, :support_id, 51);
EXECUTE events_support(0, :support_id, 51); EXECUTE events_support(0, :support_id, 51);
EXECUTE events_support(0, :support_id, 51); EXECUTE events_support(0, :support_id, 51);

PREPARE events_sales(bigint, bigint, int) AS
SELECT e.id, e.contract_id, e.name, k.client_id, c.full_name AS client_name, s.full_name AS support_contact_name
  FROM (SELECT * FROM crm.events e WHERE e.id > $1 AND e.sales_contact_id = $2 ORDER BY e.id LIMIT 201) e
  JOIN crm.contracts k ON k.id = e.contract_id
  JOIN crm.clients c ON c.id = k.client_id
  LEFT JOIN crm.collaborators s ON s.id = e.support_contact_id
 ORDER BY e.id LIMIT $3;
EXECUTE events_sales(0, :sales_id, 51); EXECUTE events_sales(0, :sales_id, 51); EXECUTE events_sales(0, :sales_id, 51);
EXECUTE events_sales(0, :sales_id, 51); EXECUTE events_sales(0, :sales_id, 51); EXECUTE events_sales(0, :sales_id, 51);
EXECUTE events_sales(0, :sales_id, 51); EXECUTE events_sales(0, :sales_id, 51); EXECUTE events_sales(0, :sales_id, 51);
EXECUTE events_sales(0, :sales_id, 51);

PREPARE contracts_unsigned(bigint, int) AS
SELECT k.id, k.client_id, k.total_amount, c.full_name AS client_name, c.sales_contact_id
  FROM (SELECT * FROM crm.contracts k WHERE k.id > $1 AND NOT k.signed ORDER BY k.id LIMIT 201) k
  JOIN crm.clients c ON c.id = k.client_id
 ORDER BY k.id LIMIT $2;
EXECUTE contracts_unsigned(0, 51); EXECUTE contracts_unsigned(0, 51); EXECUTE contracts_unsigned(0, 51);
EXECUTE contracts_unsigned(0, 51); EXECUTE contracts_unsigned(0, 51); EXECUTE contracts_unsigned(0, 51);
EXECUTE contracts_unsigned(0, 51); EXECUTE contracts_unsigned(0, 51); EXECUTE contracts_unsigned(0, 51);
EXECUTE contracts_unsigned(0, 51);

PREPARE clients_page(bigint, int) AS
SELECT c.id, c.full_name, s.full_name AS sales_contact_name
  FROM (SELECT * FROM crm.clients c WHERE c.id > $1 ORDER BY c.id LIMIT 201) c
  JOIN crm.collaborators s ON s.id = c.sales_contact_id
 ORDER BY c.id LIMIT $2;
EXECUTE clients_page(0, 51); EXECUTE clients_page(0, 51); EXECUTE clients_page(0, 51); EXECUTE clients_page(0, 51);
EXECUTE clients_page(0, 51); EXECUTE clients_page(0, 51); EXECUTE clients_page(0, 51); EXECUTE clients_page(0, 51);
EXECUTE clients_page(0, 51); EXECUTE clients_page(0, 51);
PREPARE events_range(bigint, timestamptz, timestamptz, int) AS
SELECT e.id, e.contract_id, e.name, k.client_id, c.full_name AS client_name, s.full_name AS support_contact_name
  FROM (SELECT * FROM crm.events e WHERE e.id > $1 AND e.start_at >= $2 AND e.start_at < $3 ORDER BY e.id LIMIT $4) e
  JOIN crm.contracts k ON k.id = e.contract_id
  JOIN crm.clients c ON c.id = k.client_id
  LEFT JOIN crm.collaborators s ON s.id = e.support_contact_id
 ORDER BY e.id;
EXECUTE events_range(0, '2027-03-01', '2027-03-02', 51); EXECUTE events_range(0, '2027-03-01', '2027-03-02', 51);
EXECUTE events_range(0, '2027-03-01', '2027-03-02', 51); EXECUTE events_range(0, '2027-03-01', '2027-03-02', 51);
EXECUTE events_range(0, '2027-03-01', '2027-03-02', 51); EXECUTE events_range(0, '2020-01-01', '2040-01-01', 51);
EXECUTE events_range(0, '2020-01-01', '2040-01-01', 51); EXECUTE events_range(0, '2020-01-01', '2040-01-01', 51);
EXECUTE events_range(0, '2020-01-01', '2040-01-01', 51); EXECUTE events_range(0, '2020-01-01', '2040-01-01', 51);
\o

\echo '--- plan counts after ten executions each'
SELECT name, generic_plans, custom_plans FROM pg_prepared_statements ORDER BY name;

\echo '--- events ?unassigned=true with the limit a parameter inside (the form before): planned again'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) EXECUTE events_page_limit_param(0, 51);
\echo '--- events ?unassigned=true, first page (generic plan)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) EXECUTE events_page(0, 51);
\echo '--- events ?unassigned=true, deep page (generic plan)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) EXECUTE events_page(900000, 51);
\echo '--- events ?mine=true as support, first page (generic plan)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) EXECUTE events_support(0, :support_id, 51);
\echo '--- events ?mine=true as sales, first page (generic plan)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) EXECUTE events_sales(0, :sales_id, 51);
\echo '--- contracts ?signed=false, first page (generic plan)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) EXECUTE contracts_unsigned(0, 51);
\echo '--- clients, first page (generic plan)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) EXECUTE clients_page(0, 51);
\echo '--- events from/to, one day (planned for these bounds)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) EXECUTE events_range(0, '2027-03-01', '2027-03-02', 51);
\echo '--- events from/to, twenty years (planned for these bounds)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) EXECUTE events_range(0, '2020-01-01', '2040-01-01', 51);

PREPARE client_search(bigint, text, int) AS
SELECT c.id, c.full_name, s.full_name AS sales_contact_name
  FROM crm.clients c JOIN crm.collaborators s ON s.id = c.sales_contact_id
 WHERE c.id > $1 AND (c.full_name ILIKE $2 OR c.company_name ILIKE $2 OR c.email ILIKE $2)
 ORDER BY c.id LIMIT $3;
SET plan_cache_mode = force_generic_plan;
\echo '--- client search, a rare term (generic plan: what a reused statement would get)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) EXECUTE client_search(0, '%zzyzx%', 51);
SET plan_cache_mode = force_custom_plan;
\echo '--- client search, a rare term (custom plan: what MyBatisClientRepository asks for)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) EXECUTE client_search(0, '%zzyzx%', 51);
\echo '--- client search, a common term (custom plan)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) EXECUTE client_search(0, '%an%', 51);
