-- (a) The record query alone: ClientMapper.findById (ClientRepository.findView), as MyBatis sends it.
\set id random(1, 100000)
SELECT c.id, c.full_name, c.email, c.phone, c.company_name, c.created_at, c.updated_at,
       c.last_contact_at, c.sales_contact_id, c.version, s.full_name AS sales_contact_name
  FROM crm.clients c
  JOIN crm.collaborators s ON s.id = c.sales_contact_id
 WHERE c.id = :id;
